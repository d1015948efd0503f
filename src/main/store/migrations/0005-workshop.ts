import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the workshop (车间) — bays, technicians and their skills, jobs made from the labour lines
// of authorised repair orders, the job clock, additional work (增项) with its own estimate lines,
// the final-inspection checklist and its results (竣工检验), and wall-display tokens.
// Enum lists are spelled out here (not imported) so this file never changes with the code.
const jobStates = `('proposed','declined','pending','dispatched','running','paused','done','rework')`
const pauseReasons = `('parts','break','other_job','other')`
const skills = `('general','mechanical','electrical','ev','body','paint')`
const roTypes = `('maintenance','repair','warranty','insurance','internal','campaign')`
const payers = `('customer','warranty','insurance','internal','campaign')`

// Default final-inspection items per RO type; labels are catalog keys (qcItem.*) so they show in
// the reader's language, while items a supervisor adds later are stored as typed.
const CHECKLISTS: Record<string, string[]> = {
  maintenance: ['fluids', 'noLeaks', 'tyres', 'lights', 'serviceReset', 'cleanliness'],
  repair: ['concernResolved', 'noFaultCodes', 'noLeaks', 'lights', 'oldParts', 'cleanliness'],
  warranty: ['concernResolved', 'noFaultCodes', 'noLeaks', 'oldParts', 'cleanliness'],
  insurance: ['bodyFinish', 'lights', 'concernResolved', 'oldParts', 'cleanliness'],
  internal: ['concernResolved', 'lights', 'cleanliness'],
  campaign: ['campaignDone', 'noFaultCodes', 'cleanliness'],
}

const checklistRows = Object.entries(CHECKLISTS).flatMap(([type, items]) =>
  items.map((item, i) => `('${type}', ${i + 1}, 'qcItem.${item}')`),
)

export const m0005: Migration = {
  name: '0005-workshop',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE bays (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 20),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        kind TEXT NOT NULL CHECK (kind IN ('general','lift','alignment','paint_booth','wash')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`,
      `CREATE TABLE technicians (
        user_id INTEGER PRIMARY KEY REFERENCES users(id),
        allow_parallel INTEGER NOT NULL DEFAULT 0 CHECK (allow_parallel IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT`,
      `CREATE TABLE technician_skills (
        user_id INTEGER NOT NULL REFERENCES technicians(user_id) ON DELETE CASCADE,
        skill TEXT NOT NULL CHECK (skill IN ${skills}),
        PRIMARY KEY (user_id, skill)
      ) STRICT, WITHOUT ROWID`,
      `CREATE TABLE additional_work (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        finding TEXT NOT NULL CHECK (length(finding) BETWEEN 1 AND 1000),
        state TEXT NOT NULL DEFAULT 'raised' CHECK (state IN ('raised','approved','declined')),
        raised_by INTEGER NOT NULL REFERENCES users(id),
        raised_at TEXT NOT NULL,
        net_fen INTEGER NOT NULL DEFAULT 0,
        decision_method TEXT CHECK (decision_method IS NULL OR decision_method IN ('in_person','phone','signature')),
        decided_by TEXT,
        decision_note TEXT,
        recorded_by INTEGER REFERENCES users(id),
        decided_at TEXT,
        follow_up TEXT CHECK (follow_up IS NULL OR follow_up IN ('taken_up','dismissed')),
        follow_up_ro_id INTEGER REFERENCES repair_orders(id),
        follow_up_at TEXT,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK ((state = 'raised') = (decided_at IS NULL)),
        CHECK (follow_up IS NULL OR state = 'declined')
      ) STRICT`,
      `CREATE INDEX additional_work_ro ON additional_work(ro_id)`,
      `CREATE INDEX additional_work_raised ON additional_work(ro_id) WHERE state = 'raised'`,
      `CREATE INDEX additional_work_vehicle ON additional_work(vehicle_id, state)`,
      `CREATE TABLE additional_work_lines (
        id INTEGER PRIMARY KEY,
        additional_work_id INTEGER NOT NULL REFERENCES additional_work(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('labour','part')),
        op_code TEXT,
        part_id INTEGER REFERENCES parts(id),
        description TEXT NOT NULL,
        quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
        unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
        amount_fen INTEGER NOT NULL,
        payer TEXT NOT NULL CHECK (payer IN ${payers}),
        ro_line_id INTEGER REFERENCES ro_lines(id),
        UNIQUE (additional_work_id, position),
        CHECK ((kind = 'part') = (part_id IS NOT NULL))
      ) STRICT`,
      // A job is made from a labour line at dispatch, or proposed with additional work and given
      // its RO line when the customer approves: only proposed/declined jobs have no line.
      `CREATE TABLE ro_jobs (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        ro_line_id INTEGER UNIQUE REFERENCES ro_lines(id),
        additional_line_id INTEGER UNIQUE REFERENCES additional_work_lines(id),
        description TEXT NOT NULL,
        skill TEXT CHECK (skill IS NULL OR skill IN ${skills}),
        technician_id INTEGER REFERENCES users(id),
        bay_id INTEGER REFERENCES bays(id),
        state TEXT NOT NULL CHECK (state IN ${jobStates}),
        pause_reason TEXT CHECK (pause_reason IS NULL OR pause_reason IN ${pauseReasons}),
        sold_hours_milli INTEGER NOT NULL CHECK (sold_hours_milli >= 0),
        rework_count INTEGER NOT NULL DEFAULT 0 CHECK (rework_count >= 0),
        dispatched_at TEXT,
        finished_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (ro_line_id IS NOT NULL OR state IN ('proposed','declined')),
        CHECK (technician_id IS NOT NULL OR state IN ('proposed','declined','pending')),
        CHECK ((pause_reason IS NOT NULL) = (state = 'paused'))
      ) STRICT`,
      `CREATE INDEX ro_jobs_ro ON ro_jobs(ro_id)`,
      `CREATE INDEX ro_jobs_technician ON ro_jobs(technician_id, state)`,
      `CREATE INDEX ro_jobs_bay ON ro_jobs(bay_id, state)`,
      `CREATE INDEX ro_jobs_finished ON ro_jobs(finished_at)`,
      `CREATE TABLE job_time_segments (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES ro_jobs(id),
        technician_id INTEGER NOT NULL REFERENCES users(id),
        started_at TEXT NOT NULL,
        ended_at TEXT,
        pause_reason TEXT CHECK (pause_reason IS NULL OR pause_reason IN ${pauseReasons}),
        corrected_by INTEGER REFERENCES users(id),
        correction_reason TEXT,
        CHECK (ended_at IS NOT NULL OR pause_reason IS NULL)
      ) STRICT`,
      `CREATE INDEX job_time_segments_job ON job_time_segments(job_id)`,
      `CREATE INDEX job_time_segments_technician ON job_time_segments(technician_id, started_at)`,
      `CREATE INDEX job_time_segments_running ON job_time_segments(technician_id) WHERE ended_at IS NULL`,
      `CREATE TABLE qc_checklist_items (
        id INTEGER PRIMARY KEY,
        ro_type TEXT NOT NULL CHECK (ro_type IN ${roTypes}),
        position INTEGER NOT NULL,
        label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT`,
      `CREATE INDEX qc_checklist_items_type ON qc_checklist_items(ro_type, active, position)`,
      `INSERT INTO qc_checklist_items (ro_type, position, label) VALUES ${checklistRows.join(', ')}`,
      `CREATE TABLE qc_inspections (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        result TEXT NOT NULL CHECK (result IN ('pass','fail')),
        wash INTEGER NOT NULL DEFAULT 0 CHECK (wash IN (0, 1)),
        inspector_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT`,
      `CREATE INDEX qc_inspections_ro ON qc_inspections(ro_id, id)`,
      `CREATE INDEX qc_inspections_at ON qc_inspections(at)`,
      `CREATE TABLE qc_inspection_items (
        inspection_id INTEGER NOT NULL REFERENCES qc_inspections(id),
        item_id INTEGER NOT NULL REFERENCES qc_checklist_items(id),
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (inspection_id, item_id)
      ) STRICT, WITHOUT ROWID`,
      `CREATE TABLE qc_rework (
        inspection_id INTEGER NOT NULL REFERENCES qc_inspections(id),
        job_id INTEGER NOT NULL REFERENCES ro_jobs(id),
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 2 AND 500),
        PRIMARY KEY (inspection_id, job_id)
      ) STRICT, WITHOUT ROWID`,
      `CREATE INDEX qc_rework_job ON qc_rework(job_id)`,
      `CREATE TABLE display_tokens (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        token_hash TEXT NOT NULL UNIQUE,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        revoked_at TEXT,
        last_seen_at TEXT
      ) STRICT`,
    ]),
}
