import type { SessionUser } from '../api/context'
import { roleHas } from '../../shared/domain/roles'

/**
 * The front-desk supervisor and the manager (who close complaints) see and call every follow-up;
 * an advisor works the follow-ups of their own deliveries.
 */
export function seesAllFollowUps(user: SessionUser): boolean {
  return roleHas(user.role, 'care.complaints.close')
}
