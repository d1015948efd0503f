import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: running the department (issue 14).
// - Targets: one row per year, quarter and measure (the department's figure for the quarter; the
//   year is the sum of its quarters), split to its three months and to people. A split is kept
//   only when it adds up to the target (the service checks it before saving).
// - Scorecards: the manager's comment on a person's month and the person's acknowledgement; the
//   figures themselves are always computed from the ledger, never stored.
// - Training sessions with attendees and their assessment (通关), and the technical supervisor's
//   repair cases.
export const m0013: Migration = {
  name: '0013-department',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE dept_targets (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        measure TEXT NOT NULL CHECK (measure IN ('ros','production','parts','gross_profit')),
        total INTEGER NOT NULL CHECK (total >= 0),
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (year, quarter, measure)
      ) STRICT`,
      `CREATE TABLE dept_target_months (
        target_id INTEGER NOT NULL REFERENCES dept_targets(id) ON DELETE CASCADE,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        amount INTEGER NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (target_id, month)
      ) STRICT`,
      `CREATE TABLE dept_target_people (
        target_id INTEGER NOT NULL REFERENCES dept_targets(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        amount INTEGER NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (target_id, user_id)
      ) STRICT`,
      `CREATE TABLE scorecard_reviews (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        user_id INTEGER NOT NULL REFERENCES users(id),
        comment TEXT NOT NULL,
        commented_by INTEGER NOT NULL REFERENCES users(id),
        commented_at TEXT NOT NULL,
        acknowledged_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (month, user_id)
      ) STRICT`,
      `CREATE TABLE training_sessions (
        id INTEGER PRIMARY KEY,
        held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        department TEXT NOT NULL CHECK (department IN ('front_desk','workshop','parts')),
        type TEXT NOT NULL CHECK (type IN ('internal','maker','technical','etiquette')),
        topic TEXT NOT NULL,
        trainer TEXT NOT NULL,
        duration_min INTEGER NOT NULL CHECK (duration_min > 0),
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX training_sessions_held ON training_sessions(held_on, department)`,
      `CREATE TABLE training_attendees (
        session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        passed INTEGER CHECK (passed IN (0, 1)),
        score INTEGER CHECK (score BETWEEN 0 AND 100),
        PRIMARY KEY (session_id, user_id)
      ) STRICT`,
      `CREATE TABLE repair_cases (
        id INTEGER PRIMARY KEY,
        submitted_on TEXT NOT NULL CHECK (submitted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        author_id INTEGER NOT NULL REFERENCES users(id),
        vehicle TEXT NOT NULL,
        fault TEXT NOT NULL,
        diagnosis TEXT NOT NULL,
        fix TEXT NOT NULL,
        hotline INTEGER NOT NULL DEFAULT 0 CHECK (hotline IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX repair_cases_submitted ON repair_cases(submitted_on)`,
      // 5S: a checklist per area (the defaults are written by the service on first use), audits
      // scoring each item 0–5, and findings with an owner and a due date until closed.
      `CREATE TABLE fives_items (
        id INTEGER PRIMARY KEY,
        area TEXT NOT NULL CHECK (area IN ('workshop','parts_store','front_desk','lounge','wash_bay')),
        s TEXT NOT NULL CHECK (s IN ('seiri','seiton','seiso','seiketsu','shitsuke')),
        label TEXT NOT NULL,
        position INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT`,
      `CREATE TABLE fives_audits (
        id INTEGER PRIMARY KEY,
        area TEXT NOT NULL CHECK (area IN ('workshop','parts_store','front_desk','lounge','wash_bay')),
        audited_on TEXT NOT NULL CHECK (audited_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        auditor_id INTEGER NOT NULL REFERENCES users(id),
        score INTEGER NOT NULL,
        max_score INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT`,
      `CREATE TABLE fives_scores (
        audit_id INTEGER NOT NULL REFERENCES fives_audits(id) ON DELETE CASCADE,
        item_id INTEGER NOT NULL REFERENCES fives_items(id),
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 5),
        PRIMARY KEY (audit_id, item_id)
      ) STRICT`,
      `CREATE TABLE fives_findings (
        id INTEGER PRIMARY KEY,
        audit_id INTEGER NOT NULL REFERENCES fives_audits(id),
        text TEXT NOT NULL,
        owner_id INTEGER NOT NULL REFERENCES users(id),
        due_on TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','closed')),
        closed_at TEXT,
        closed_by INTEGER REFERENCES users(id),
        close_note TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT`,
      `CREATE INDEX fives_findings_open ON fives_findings(state, due_on)`,
      // The default checklist: one item per S in every area (the manual's 5S definitions).
      `INSERT INTO fives_items (area, s, label, position) VALUES
        ('workshop','seiri','区分要与不要的物品，不要的清除',1),
        ('workshop','seiton','物品定位、标识清楚，取用方便',2),
        ('workshop','seiso','地面、设备、台面无油污灰尘',3),
        ('workshop','seiketsu','前 3S 制度化，检查表按时填写',4),
        ('workshop','shitsuke','员工按规定着装，遵守 5S 规定',5),
        ('parts_store','seiri','区分要与不要的物品，不要的清除',1),
        ('parts_store','seiton','物品定位、标识清楚，取用方便',2),
        ('parts_store','seiso','地面、设备、台面无油污灰尘',3),
        ('parts_store','seiketsu','前 3S 制度化，检查表按时填写',4),
        ('parts_store','shitsuke','员工按规定着装，遵守 5S 规定',5),
        ('front_desk','seiri','区分要与不要的物品，不要的清除',1),
        ('front_desk','seiton','物品定位、标识清楚，取用方便',2),
        ('front_desk','seiso','地面、设备、台面无油污灰尘',3),
        ('front_desk','seiketsu','前 3S 制度化，检查表按时填写',4),
        ('front_desk','shitsuke','员工按规定着装，遵守 5S 规定',5),
        ('lounge','seiri','区分要与不要的物品，不要的清除',1),
        ('lounge','seiton','物品定位、标识清楚，取用方便',2),
        ('lounge','seiso','地面、设备、台面无油污灰尘',3),
        ('lounge','seiketsu','前 3S 制度化，检查表按时填写',4),
        ('lounge','shitsuke','员工按规定着装，遵守 5S 规定',5),
        ('wash_bay','seiri','区分要与不要的物品，不要的清除',1),
        ('wash_bay','seiton','物品定位、标识清楚，取用方便',2),
        ('wash_bay','seiso','地面、设备、台面无油污灰尘',3),
        ('wash_bay','seiketsu','前 3S 制度化，检查表按时填写',4),
        ('wash_bay','shitsuke','员工按规定着装，遵守 5S 规定',5)`,
    ]),
}
