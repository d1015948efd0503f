import { useStore } from 'zustand'
import { rolesWith, type Permission, type Role } from '../../shared/domain/roles'
import type { Locale } from '../../shared/i18n'
import { translate } from '../../shared/i18n'
import { useSessionStore, type T } from './i18n'
import type { SessionUser } from './stores/session-store'

// The one UI permission module: every screen asks it whether to show an action, why not, and
// who could. The host decides (every channel checks in the main process); the screen only hides
// an action or disables it with this reason before anyone starts typing.

export function userCan(user: Pick<SessionUser, 'permissions'> | null | undefined, permission: Permission): boolean {
  return user?.permissions.includes(permission) ?? false
}

/** Why this user may not do it, in their language ("您的岗位（技师）不能登记和修改客户与车辆"), or null. */
export function deniedReason(user: Pick<SessionUser, 'permissions' | 'role'> | null | undefined, permission: Permission, locale: Locale): string | null {
  if (userCan(user, permission)) return null
  return translate(locale, 'perm.denied', { role: user ? `role.${user.role}` : 'perm.noUser', action: `permission.${permission}` })
}

/** The roles that can do what the viewer cannot, named in the viewer's language: "技术主管、售后经理". */
export function whoCan(t: T, permission: Permission): string {
  return rolesWith(permission)
    .map((r) => t(`role.${r}`))
    .join(t('wk.whoSeparator'))
}

/** Whether the logged-in person holds `permission`. */
export function useCan(permission: Permission): boolean {
  return useStore(useSessionStore(), (s) => userCan(s.user, permission))
}

/** A check for any permission, for lists filtered by permission (the navigation, its shortcuts). */
export function useCanCheck(): (permission: Permission) => boolean {
  const permissions = useStore(useSessionStore(), (s) => s.user?.permissions)
  return (permission) => permissions?.includes(permission) ?? false
}

export function useDenied(permission: Permission): string | null {
  return useStore(useSessionStore(), (s) => deniedReason(s.user, permission, s.locale))
}

/** The logged-in person's role, for defaults that differ by role (never for what they may do). */
export function useRole(): Role | null {
  return useStore(useSessionStore(), (s) => s.user?.role ?? null)
}

// The host gives these roles every department's alert inbox (src/main/rules/alerts.ts); others
// see their own role's inbox only.
const EVERY_INBOX: readonly Role[] = ['service_manager', 'administrator']

export function seesEveryInbox(role: Role | null | undefined): boolean {
  return role !== null && role !== undefined && EVERY_INBOX.includes(role)
}
