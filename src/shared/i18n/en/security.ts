import type { security as zh } from '../zh-CN/security'

export const security = {
  'entity.user': 'user',
  'entity.device': 'device',
  'security.tokenKept': 'Set ({hint}); leave empty to keep it',
  'audit.sheet': 'Audit log',
  'audit.col.at': 'Time',
  'audit.col.user': 'User',
  'audit.col.action': 'Action',
  'audit.col.entity': 'Object',
  'audit.col.entityId': 'ID',
  'audit.col.detail': 'Detail',
  'entity.lockout': 'lockout',
} as const satisfies Record<keyof typeof zh, string>
