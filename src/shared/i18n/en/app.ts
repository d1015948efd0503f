import type { app as zh } from '../zh-CN/app'

export const app = {
} as const satisfies Record<keyof typeof zh, string>
