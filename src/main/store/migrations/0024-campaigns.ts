import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: monthly service campaigns (市场服务活动). A campaign has its dates, its offer (labour
// discount in basis points, a parts package at a price, a free check), the target group it was
// planned for, the manager's cost and written summary. The invitation list is one row per invited
// vehicle; invitation calls go into the one call log (`care_calls`), rebuilt so a call belongs to
// exactly one follow-up, reminder, warranty call (0020) or invitation, keeping the survey version
// (0023). The campaign code on an RO is a row of its own (one per RO), so the RO header's table
// is not touched.
export const m0024: Migration = {
  name: '0024-campaigns',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        labour_discount_bp INTEGER NOT NULL DEFAULT 0 CHECK (labour_discount_bp BETWEEN 0 AND 10000),
        package_name TEXT NOT NULL DEFAULT '',
        package_price_fen INTEGER CHECK (package_price_fen >= 0),
        free_check TEXT NOT NULL DEFAULT '',
        target_source TEXT NOT NULL CHECK (target_source IN ('all', 'service_due', 'lost', 'first_service')),
        target_model TEXT,
        target_age_min INTEGER CHECK (target_age_min >= 0),
        target_age_max INTEGER CHECK (target_age_max >= 0),
        cost_fen INTEGER NOT NULL DEFAULT 0 CHECK (cost_fen >= 0),
        summary TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'cancelled')),
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (ends_on >= starts_on)
      ) STRICT`,
      `CREATE INDEX campaigns_month ON campaigns(month, state)`,
      `CREATE TABLE campaign_invites (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'booked', 'declined')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        reached_at TEXT,
        callback_at TEXT,
        closed_at TEXT,
        created_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (campaign_id, vehicle_id)
      ) STRICT`,
      `CREATE INDEX campaign_invites_vehicle ON campaign_invites(vehicle_id)`,
      `CREATE TABLE campaign_ros (
        ro_id INTEGER PRIMARY KEY REFERENCES repair_orders(id),
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
        set_by INTEGER NOT NULL REFERENCES users(id),
        set_at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX campaign_ros_campaign ON campaign_ros(campaign_id)`,
      `PRAGMA defer_foreign_keys = ON`,
      `CREATE TEMP TABLE care_calls_0024 AS SELECT * FROM care_calls`,
      `DROP TABLE care_calls`,
      `CREATE TABLE care_calls (
        id INTEGER PRIMARY KEY,
        followup_id INTEGER REFERENCES care_followups(id),
        reminder_id INTEGER REFERENCES care_reminders(id),
        warranty_call_id INTEGER REFERENCES warranty_calls(id),
        invite_id INTEGER REFERENCES campaign_invites(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'wrong_number', 'call_back')),
        callback_at TEXT,
        remark TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        template_version INTEGER NOT NULL DEFAULT 1,
        CHECK (ended_at >= started_at),
        CHECK ((outcome = 'call_back') = (callback_at IS NOT NULL)),
        CHECK ((followup_id IS NOT NULL) + (reminder_id IS NOT NULL) + (warranty_call_id IS NOT NULL) + (invite_id IS NOT NULL) = 1)
      ) STRICT`,
      `INSERT INTO care_calls (id, followup_id, reminder_id, warranty_call_id, invite_id, user_id, started_at, ended_at, outcome, callback_at, remark, created_at, template_version)
         SELECT id, followup_id, reminder_id, warranty_call_id, NULL, user_id, started_at, ended_at, outcome, callback_at, remark, created_at, template_version FROM temp.care_calls_0024`,
      `DROP TABLE temp.care_calls_0024`,
      `CREATE INDEX care_calls_followup ON care_calls(followup_id, id)`,
      `CREATE INDEX care_calls_reminder ON care_calls(reminder_id, id)`,
      `CREATE INDEX care_calls_warranty ON care_calls(warranty_call_id, id)`,
      `CREATE INDEX care_calls_invite ON care_calls(invite_id, id)`,
      `CREATE INDEX care_calls_started ON care_calls(started_at)`,
    ]),
}
