import type { Ctx } from '../api/context'
import { addMonthsToDate, localDate } from '../../shared/domain/calendar'
import { CSI_SURVEYS, itemShareBp } from '../../shared/domain/csi'
import { csiTarget, listCsi } from './results'
import type { In, Out } from './import-types'

// The dashboard's CSI figure: per survey, each month's score against its target and the points its
// items lost (Σ maximum − score), and the items that lost most over the months. The drill-down
// lists one month's items from the same rows, so the figure is the sum of its drill-down.

type Result = Out<'csi.drill'>
type Row = Result['items'][number]

const lost = (i: { scoreTenths: number; maxTenths: number }) => i.maxTenths - i.scoreTenths

const itemRow = (i: { code: string; label: string; scoreTenths: number; maxTenths: number }): Row => ({
  code: i.code,
  label: i.label,
  scoreTenths: i.scoreTenths,
  maxTenths: i.maxTenths,
  lostTenths: lost(i),
  shareBp: itemShareBp(i),
})

const byLost = (a: { lostTenths: number; code: string }, b: { lostTenths: number; code: string }) => b.lostTenths - a.lostTenths || a.code.localeCompare(b.code)

export function csiTrend(ctx: Ctx, input: In<'csi.trend'>): Out<'csi.trend'> {
  const toMonth = input.toMonth ?? localDate(ctx.clock.now(), ctx.timeZone).slice(0, 7)
  const list = listCsi(ctx, { toMonth, months: input.months })
  const months = Array.from({ length: input.months }, (_, i) => addMonthsToDate(`${list.fromMonth}-01`, i).slice(0, 7))
  const surveys = CSI_SURVEYS.map((survey) => {
    const mine = list.results.filter((r) => r.survey === survey)
    const points = months.map((month) => {
      const r = mine.find((x) => x.month === month)
      return { month, scoreTenths: r?.scoreTenths ?? null, lostTenths: r ? r.items.reduce((s, i) => s + lost(i), 0) : 0, items: r?.items.length ?? 0 }
    })
    const pulling = new Map<string, { code: string; label: string; lostTenths: number; months: number }>()
    // Newest first: an item's label is the latest the maker used.
    for (const r of mine) {
      for (const i of r.items) {
        const p = pulling.get(i.code) ?? { code: i.code, label: i.label, lostTenths: 0, months: 0 }
        p.lostTenths += lost(i)
        p.months += 1
        pulling.set(i.code, p)
      }
    }
    const top = [...pulling.values()].filter((p) => p.lostTenths > 0).sort(byLost).slice(0, 5)
    return { survey, targetTenths: csiTarget(ctx, survey), points, pulling: top }
  })
  return { fromMonth: list.fromMonth, toMonth: list.toMonth, surveys }
}

export function csiDrill(ctx: Ctx, input: In<'csi.drill'>): Out<'csi.drill'> {
  const r = listCsi(ctx, { toMonth: input.month, months: 1 }).results.find((x) => x.survey === input.survey)
  const items = (r?.items ?? []).map(itemRow).sort(byLost)
  return {
    month: input.month,
    survey: input.survey,
    scoreTenths: r?.scoreTenths ?? null,
    targetTenths: csiTarget(ctx, input.survey),
    lostTenths: items.reduce((s, i) => s + i.lostTenths, 0),
    items,
  }
}
