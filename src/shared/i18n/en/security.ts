import type { security as zh } from '../zh-CN/security'

export const security = {
  'entity.user': 'user',
  'entity.device': 'device',
  'entity.lockout': 'lockout',
} as const satisfies Record<keyof typeof zh, string>
