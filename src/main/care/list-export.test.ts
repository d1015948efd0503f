import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { ComplaintRow, FollowUpRow, ReminderRow } from '../../shared/contract/care'
import { readXlsx } from '../parts/import/xlsx'
import { demoApp, type DemoTestApp } from '../test-support/test-app'

// Each care list saved as XLSX on the demo dealership and read back: the header in the caller's
// language and one row per row of the list's own channel, in its order, with the same values.

let demo: DemoTestApp
beforeAll(async () => {
  demo = await demoApp('2026-11-27T10:00:00+08:00', 'care-xlsx-')
})
afterAll(() => demo.close())

interface Saved {
  fileName: string
  mimeType: string
  base64: string
  rows: number
}

async function readBack(input: Record<string, unknown>) {
  const saved = await demo.call<Saved>('care.lists.xlsx', input)
  const sheet = await readXlsx(Buffer.from(saved.base64, 'base64'))
  const [header = [], ...rows] = sheet.rows
  const col = (name: string) => {
    const i = header.indexOf(name)
    if (i < 0) throw new Error(`no column ${name} in ${header.join(', ')}`)
    return rows.map((r) => r[i] ?? '')
  }
  return { saved, sheet, header, rows, col }
}

const wall = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '')

describe('the care lists as XLSX', () => {
  it('saves the follow-up list with the rows the list channel answers', async () => {
    const api = await demo.call<z.output<typeof FollowUpRow>[]>('care.followups.list', { state: 'open', limit: 500 })
    expect(api.length).toBeGreaterThan(0)
    const x = await readBack({ list: 'followups' })
    expect(x.saved.rows).toBe(api.length)
    expect(x.saved.fileName).toBe('follow-ups-2026-11-27.xlsx')
    expect(x.sheet.name).toBe('Follow-up list')
    expect(x.rows).toHaveLength(api.length)
    expect(x.col('RO number')).toEqual(api.map((r) => r.roNumber))
    expect(x.col('Plate')).toEqual(api.map((r) => r.plate ?? ''))
    expect(x.col('Customer')).toEqual(api.map((r) => r.customerName))
    expect(x.col('Mobile')).toEqual(api.map((r) => r.mobile ?? ''))
    expect(x.col('Delivered')).toEqual(api.map((r) => wall(r.deliveredAt)))
    expect(x.col('Calls')).toEqual(api.map((r) => String(r.attempts)))
    expect(x.col('Overdue')).toEqual(api.map((r) => (r.overdue ? 'Overdue' : '')))
  })

  it('saves the closed follow-ups when asked for them', async () => {
    const api = await demo.call<z.output<typeof FollowUpRow>[]>('care.followups.list', { state: 'closed', limit: 500 })
    const x = await readBack({ list: 'followups', followUpState: 'closed' })
    expect(x.col('RO number')).toEqual(api.map((r) => r.roNumber))
  })

  it('saves the service reminder list', async () => {
    const api = await demo.call<z.output<typeof ReminderRow>[]>('care.reminders.list', { limit: 500 })
    expect(api.length).toBeGreaterThan(0)
    const x = await readBack({ list: 'reminders' })
    expect(x.sheet.name).toBe('Service reminder list')
    expect(x.rows).toHaveLength(api.length)
    expect(x.col('Plate')).toEqual(api.map((r) => r.plate ?? ''))
    expect(x.col('RO number')).toEqual(api.map((r) => r.roNumber))
    expect(x.col('Km at service')).toEqual(api.map((r) => String(r.serviceKm)))
    expect(x.col('Calls')).toEqual(api.map((r) => String(r.attempts)))
  })

  it('saves the complaints register, active and closed', async () => {
    for (const state of ['active', 'closed'] as const) {
      const api = await demo.call<z.output<typeof ComplaintRow>[]>('care.complaints.list', { state, limit: 500 })
      expect(api.length).toBeGreaterThan(0)
      const x = await readBack({ list: 'complaints', complaintState: state })
      expect(x.rows).toHaveLength(api.length)
      const number = x.header[0]!
      expect(x.col(number)).toEqual(api.map((r) => r.number))
      expect(x.col("Customer's words").length).toBe(api.length)
      expect(x.rows.map((r) => r[x.header.length - 2])).toEqual(api.map((r) => wall(r.dueAt)))
      expect(x.col('Customer')).toEqual(api.map((r) => r.customerName))
    }
  })

  it('saves the lost customers with their value in yuan', async () => {
    const api = await demo.call<{ rows: { plate: string | null; lastRoNumber: string; visits: number; valueFen: number }[] }>('care.lost', { months: 6, limit: 1000 })
    expect(api.rows.length).toBeGreaterThan(0)
    const x = await readBack({ list: 'lost', months: 6, limit: 1000 })
    expect(x.sheet.name).toBe('Lost customers')
    expect(x.rows).toHaveLength(api.rows.length)
    expect(x.col('Plate')).toEqual(api.rows.map((r) => r.plate ?? ''))
    expect(x.col('Last RO')).toEqual(api.rows.map((r) => r.lastRoNumber))
    expect(x.col('Visits')).toEqual(api.rows.map((r) => String(r.visits)))
    const value = x.header.length - 1
    expect(x.rows.map((r) => Math.round(Number(r[value]) * 100))).toEqual(api.rows.map((r) => r.valueFen))
  })
})
