import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: an insurance claim keeps the loss assessment's due date (定损时限) it was given, so a past
// month is judged by the rule in force then: `assessment_days` are the rule's days when the
// arrival was set, `assessment_due_on` the arrival plus those days. Existing claims take the
// rule's days as they stand now (the default 3 when the rule was never saved).
export const m0039: Migration = {
  name: '0039-insurance-assessment-due',
  up: (db) =>
    runSteps(db, [
      `ALTER TABLE insurance_claims ADD COLUMN assessment_days INTEGER NOT NULL DEFAULT 3 CHECK (assessment_days >= 0)`,
      `ALTER TABLE insurance_claims ADD COLUMN assessment_due_on TEXT NOT NULL DEFAULT ''`,
      `UPDATE insurance_claims SET assessment_days = COALESCE(
         (SELECT CAST(json_extract(params, '$.days') AS INTEGER) FROM rules WHERE kind = 'insurance_assessment_overdue' ORDER BY id LIMIT 1), 3)`,
      `UPDATE insurance_claims SET assessment_due_on = date(arrived_on, '+' || assessment_days || ' days')`,
      `CREATE INDEX insurance_claims_assessment_due ON insurance_claims(assessment_due_on)`,
    ]),
}
