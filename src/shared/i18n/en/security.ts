import type { security as zh } from '../zh-CN/security'

export const security = {
  'entity.user': 'user',
  'entity.device': 'device',
  'security.tokenKept': 'Set ({hint}); leave empty to keep it',
  'entity.lockout': 'lockout',
} as const satisfies Record<keyof typeof zh, string>
