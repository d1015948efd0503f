import type { HandlersFor } from '../api/dispatch'
import type { careContract } from '../../shared/contract/care'
import { actOnComplaint, assignComplaint, closeComplaint, reopenComplaint, resolveComplaint } from './complaint-steps'
import { openComplaint } from './complaint-open'
import { getComplaint, listComplaints } from './complaint-view'
import { giveUp, logCall } from './followup-call'
import { getFollowUp, listFollowUps } from './followup-view'
import { careStaff } from './staff'
import { getReminder, listReminders } from './reminder-view'
import { logReminderCall } from './reminder-call'
import { lostCustomers, retentionFunnel } from './lost-retention'

export const careHandlers: HandlersFor<typeof careContract> = {
  'care.followups.list': listFollowUps,
  'care.followups.get': (ctx, input) => getFollowUp(ctx, input.id),
  'care.followups.logCall': logCall,
  'care.followups.giveUp': giveUp,
  'care.reminders.list': listReminders,
  'care.reminders.get': (ctx, input) => getReminder(ctx, input.id),
  'care.reminders.logCall': logReminderCall,
  'care.lost': lostCustomers,
  'care.retention': (ctx) => retentionFunnel(ctx),
  'care.staff': careStaff,
  'care.complaints.list': listComplaints,
  'care.complaints.get': (ctx, input) => getComplaint(ctx, input.id),
  'care.complaints.open': openComplaint,
  'care.complaints.assign': assignComplaint,
  'care.complaints.act': actOnComplaint,
  'care.complaints.resolve': resolveComplaint,
  'care.complaints.reopen': reopenComplaint,
  'care.complaints.close': closeComplaint,
}
