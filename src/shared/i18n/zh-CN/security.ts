// Staff, logins, lockouts and the audit trail.
export const security = {
  'entity.user': '用户',
  'entity.device': '设备',
  'entity.lockout': '锁定记录',
} as const
