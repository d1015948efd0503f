// Staff, logins, lockouts and the audit trail.
export const security = {
  'entity.user': '用户',
  'entity.device': '设备',
  'security.tokenKept': '已设置（{hint}），留空则保持不变',
  'entity.lockout': '锁定记录',
} as const
