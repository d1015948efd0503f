import type { auditContract } from '../../shared/contract/audit'
import type { HandlersFor } from '../api/dispatch'
import { exportAuditLog } from './export-xlsx'
import { loginHistory } from './logins'
import { auditLog, documentActivity } from './trail'

export const auditHandlers: HandlersFor<typeof auditContract> = {
  'audit.document': (ctx, input) => documentActivity(ctx, input),
  'audit.log': (ctx, input) => auditLog(ctx, input),
  'audit.export': (ctx, input) => exportAuditLog(ctx, input),
  'audit.logins': (ctx, input) => loginHistory(ctx, input),
}
