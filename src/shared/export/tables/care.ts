import { FOLLOW_UP_STATES } from '../../domain/care'
import { col, type ExportTableSpec } from '../spec'

// Customer care (schema version 4): the follow-up calls after delivery (回访), one per delivered
// RO, with when each was due and how it was closed — what the follow-up rate within 3 days
// (回访及时率) is computed from. Only columns that change when the follow-up is closed are sent
// (not the attempt count or the callback time, which change without a stamp), so `changed_at`
// (the close, else the creation) orders every version of a row.

export const careFollowups: ExportTableSpec = {
  name: 'care_followups',
  description: 'Follow-up calls after delivery (回访): the delivery, when the call was due (the end of the local day the setting’s days after delivery), the state and when it was closed (done or unreachable).',
  naturalKey: ['id'],
  updatedAt: 'changed_at',
  tracking: { kind: 'updated', column: 'changed_at' },
  since: 4,
  columns: [
    col.id(),
    col.int('ro_id'),
    col.int('assignee_id'),
    col.oneOf('state', FOLLOW_UP_STATES),
    col.at('delivered_at'),
    col.date('due_date'),
    col.at('due_at'),
    col.at('closed_at', true),
    col.int('closed_by', true),
    col.int('done_call_id', true),
    col.at('created_at'),
    { name: 'changed_at', type: 'datetime', sql: 'coalesce(t.closed_at, t.created_at)', description: 'Latest change of the row (its close, else its creation).' },
  ],
}
