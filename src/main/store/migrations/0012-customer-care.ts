import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: customer care (客户关怀). A follow-up call task (回访) per delivered RO, due a few days
// after delivery, with every call logged (when, who, outcome) and the survey answers of a reached
// call; "done" points at the call that proves it. Complaints (抱怨/投诉) are cases with an owner,
// a deadline by severity, actions with time and who, the customer's acceptance, root cause and
// closure; a complaint raised in a follow-up call keeps the link to that follow-up and its RO.
export const m0012: Migration = {
  name: '0012-customer-care',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE care_followups (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL UNIQUE REFERENCES repair_orders(id),
        assignee_id INTEGER NOT NULL REFERENCES users(id),
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'unreachable')),
        delivered_at TEXT NOT NULL,
        due_date TEXT NOT NULL,
        due_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        callback_at TEXT,
        closed_at TEXT,
        closed_by INTEGER REFERENCES users(id),
        done_call_id INTEGER,
        close_note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT`,
      `CREATE INDEX care_followups_due ON care_followups(state, due_at)`,
      `CREATE INDEX care_followups_assignee ON care_followups(assignee_id, state, due_at)`,
      `CREATE INDEX care_followups_delivered ON care_followups(delivered_at)`,
      `CREATE TABLE care_calls (
        id INTEGER PRIMARY KEY,
        followup_id INTEGER NOT NULL REFERENCES care_followups(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'wrong_number', 'call_back')),
        callback_at TEXT,
        remark TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        CHECK (ended_at >= started_at),
        CHECK ((outcome = 'call_back') = (callback_at IS NOT NULL))
      ) STRICT`,
      `CREATE INDEX care_calls_followup ON care_calls(followup_id, id)`,
      `CREATE TABLE care_call_answers (
        call_id INTEGER NOT NULL REFERENCES care_calls(id),
        question TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 10),
        PRIMARY KEY (call_id, question)
      ) STRICT`,
      `CREATE TABLE care_complaints (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        vehicle_id INTEGER REFERENCES vehicles(id),
        ro_id INTEGER REFERENCES repair_orders(id),
        followup_id INTEGER REFERENCES care_followups(id),
        source TEXT NOT NULL CHECK (source IN ('followup', 'desk', 'phone', 'hotline')),
        category TEXT NOT NULL CHECK (category IN ('quality', 'price', 'time', 'attitude', 'parts', 'other')),
        severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
        words TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'assigned', 'resolved', 'closed')),
        owner_id INTEGER REFERENCES users(id),
        department TEXT,
        due_at TEXT NOT NULL,
        accepted INTEGER CHECK (accepted IN (0, 1)),
        acceptance_note TEXT NOT NULL DEFAULT '',
        root_cause TEXT NOT NULL DEFAULT '',
        opened_by INTEGER NOT NULL REFERENCES users(id),
        opened_at TEXT NOT NULL,
        resolved_at TEXT,
        closed_at TEXT,
        closed_by INTEGER REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT`,
      `CREATE INDEX care_complaints_state ON care_complaints(state, due_at)`,
      `CREATE INDEX care_complaints_ro ON care_complaints(ro_id)`,
      `CREATE TABLE care_complaint_actions (
        id INTEGER PRIMARY KEY,
        complaint_id INTEGER NOT NULL REFERENCES care_complaints(id),
        kind TEXT NOT NULL CHECK (kind IN ('open', 'assign', 'action', 'resolve', 'reopen', 'close')),
        note TEXT NOT NULL DEFAULT '',
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX care_complaint_actions_complaint ON care_complaint_actions(complaint_id, id)`,
    ]),
}
