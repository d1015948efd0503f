import { useStore } from 'zustand'
import type { Permission } from '../../shared/domain/roles'
import type { Locale } from '../../shared/i18n'
import { translate } from '../../shared/i18n'
import { useSessionStore } from './i18n'
import type { SessionUser } from './stores/session-store'

// The one UI permission check. The host decides (every channel checks in the main process);
// the screen only hides an action or disables it with this reason before anyone starts typing.

export function userCan(user: Pick<SessionUser, 'permissions'> | null | undefined, permission: Permission): boolean {
  return user?.permissions.includes(permission) ?? false
}

/** Why this user may not do it, in their language ("您的岗位（技师）不能登记和修改客户与车辆"), or null. */
export function deniedReason(user: Pick<SessionUser, 'permissions' | 'role'> | null | undefined, permission: Permission, locale: Locale): string | null {
  if (userCan(user, permission)) return null
  return translate(locale, 'perm.denied', { role: user ? `role.${user.role}` : 'perm.noUser', action: `permission.${permission}` })
}

export function useCan(permission: Permission): boolean {
  return useStore(useSessionStore(), (s) => userCan(s.user, permission))
}

export function useDenied(permission: Permission): string | null {
  return useStore(useSessionStore(), (s) => deniedReason(s.user, permission, s.locale))
}
