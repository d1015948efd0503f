import { describe, expect, it } from 'vitest'
import type { Permission } from '../../../../shared/domain/roles'
import type { AlertT } from '../../stores/alerts-store'
import { alertMessage, earliestSnooze, groupByRule, subjectRoute } from './alert-model'

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

describe('the inbox grouped by rule', () => {
  const alert = (id: number, ruleKind: AlertT['ruleKind'], severity: AlertT['severity'] = 'warning') =>
    ({ id, ruleKind, severity, subjectType: 'part', subjectId: id, state: 'open' }) as AlertT

  it('folds 30 low-stock alerts into one row that counts them and holds each one beneath it', () => {
    const lowStock = Array.from({ length: 30 }, (_, i) => alert(i + 1, 'part_below_safety_stock', i === 7 ? 'critical' : 'warning'))
    const rows = groupByRule([alert(100, 'maintenance_settlement_overdue'), ...lowStock, alert(101, 'ro_past_promised')])
    expect(rows.map((r) => [r.ruleKind, r.groupCount ?? 1])).toEqual([
      ['maintenance_settlement_overdue', 1],
      ['part_below_safety_stock', 30],
      ['ro_past_promised', 1],
    ])
    const group = rows[1]!
    expect(group.children!.map((c) => c.id)).toEqual(lowStock.map((a) => a.id))
    // The most severe alert stands for the group.
    expect(group.severity).toBe('critical')
  })

  it('keeps a rule with one alert as a plain row, and groups two of a rule wherever they appear', () => {
    const rows = groupByRule([alert(1, 'fill_rate'), alert(2, 'part_below_safety_stock'), alert(3, 'fill_rate')])
    expect(rows.map((r) => [r.ruleKind, r.groupCount ?? 1, r.children?.length ?? 0])).toEqual([
      ['fill_rate', 2, 2],
      ['part_below_safety_stock', 1, 0],
    ])
  })
})
