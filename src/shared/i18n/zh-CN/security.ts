// Staff, logins, lockouts and the audit trail.
export const security = {
  'entity.user': '用户',
  'entity.device': '设备',
  'security.tokenKept': '已设置（{hint}），留空则保持不变',
  'audit.sheet': '审计日志',
  'audit.col.at': '时间',
  'audit.col.user': '操作人',
  'audit.col.action': '操作',
  'audit.col.entity': '对象',
  'audit.col.entityId': '编号',
  'audit.col.detail': '内容',
  'entity.lockout': '锁定记录',
} as const
