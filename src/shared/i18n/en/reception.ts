import type { reception as zh } from '../zh-CN/reception'

export const reception = {
} as const satisfies Record<keyof typeof zh, string>
