import { describe, expect, it } from 'vitest'
import type { Permission } from '../../../../shared/domain/roles'
import { alertMessage, earliestSnooze, subjectRoute } from './alert-model'

const all = () => true
const only = (...allowed: Permission[]) => (p: Permission) => allowed.includes(p)

describe('alerts on screen', () => {
  it('reads the message from its catalog key in the person’s language, with the numbers filled in', () => {
    const alert = {
      messageKey: 'alert.fillRate',
      messageParams: { days: 30, rate: '96.5', served: 193, requested: 200, min: '98' },
      message: 'as sent',
    }
    expect(alertMessage(alert, 'zh-CN')).toBe('近 30 天满足率 96.5%（193/200），目标 ≥ 98%')
    expect(alertMessage(alert, 'en')).toContain('96.5')
    expect(alertMessage({ ...alert, messageKey: 'alert.unknownKind' }, 'en')).toBe('as sent')
  })

  it('leads to the subject’s own screen where the person may go, and nowhere otherwise', () => {
    expect(subjectRoute({ subjectType: 'ro', subjectId: 7 }, all)).toEqual({ name: 'settleRo', id: 7 })
    expect(subjectRoute({ subjectType: 'ro', subjectId: 7 }, only('reception.read'))).toEqual({ name: 'ro', id: 7 })
    expect(subjectRoute({ subjectType: 'part', subjectId: 3 }, all)).toEqual({ name: 'parts', view: { kind: 'part', id: 3 } })
    expect(subjectRoute({ subjectType: 'invoice', subjectId: 9 }, all)).toEqual({ name: 'settlement', tab: 'receivables' })
    expect(subjectRoute({ subjectType: 'department', subjectId: 1 }, only('alerts.read'))).toBeNull()
  })

  it('lets a snooze run to tomorrow at the earliest, across month and year ends', () => {
    expect(earliestSnooze('2026-03-31')).toBe('2026-04-01')
    expect(earliestSnooze('2026-12-31')).toBe('2027-01-01')
  })
})
