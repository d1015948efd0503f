import { rolesWith, type Permission } from '../../../shared/domain/roles'
import type { T } from '../i18n'

/** The roles that can do what the viewer cannot, named in the viewer's language: "技术主管、售后经理". */
export function whoCan(t: T, permission: Permission): string {
  return rolesWith(permission)
    .map((r) => t(`role.${r}`))
    .join(t('wk.whoSeparator'))
}
