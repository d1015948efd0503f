import type { Ctx } from '../api/context'
import { notFound } from '../api/app-error'
import { totalsOf } from '../../shared/domain/money'
import type { Payer } from '../../shared/domain/payer'
import type { DecisionMethod } from '../../shared/domain/workshop-resources'
import { getSetting } from '../settings/settings'
import type { Out } from './rows'

// Reading additional work (增项) with its estimate lines: two set-based queries whatever the count.

export type AdditionalOut = Out<'workshop.additional.raise'>

interface HeadRow {
  id: number
  ro_id: number
  ro_number: string
  plate: string | null
  advisor_id: number
  customer_name: string
  finding: string
  state: 'raised' | 'approved' | 'declined'
  raised_by_name: string
  raised_at: string
  decision_method: DecisionMethod | null
  decided_by: string | null
  decision_note: string | null
  recorded_by_name: string | null
  decided_at: string | null
  follow_up: 'taken_up' | 'dismissed' | null
  follow_up_ro_id: number | null
  version: number
}

interface LineRow {
  additional_work_id: number
  kind: 'labour' | 'part'
  op_code: string | null
  part_id: number | null
  description: string
  quantity_milli: number
  unit_price_fen: number
  amount_fen: number
  payer: Payer
}

const HEAD_SELECT = `
  SELECT a.id, a.ro_id, r.number AS ro_number, v.plate, r.advisor_id, c.name AS customer_name, a.finding, a.state, ru.display_name AS raised_by_name,
         a.raised_at, a.decision_method, a.decided_by, a.decision_note, rec.display_name AS recorded_by_name, a.decided_at,
         a.follow_up, a.follow_up_ro_id, a.version
    FROM additional_work a
    JOIN repair_orders r ON r.id = a.ro_id
    JOIN vehicles v ON v.id = a.vehicle_id
    JOIN customers c ON c.id = r.customer_id
    JOIN users ru ON ru.id = a.raised_by
    LEFT JOIN users rec ON rec.id = a.recorded_by`

/** Additional work matching `where` (SQL over `a`, `r`, `v`; values bound from `params`). */
export function listAdditional(ctx: Ctx, where: string, params: readonly (string | number)[]): AdditionalOut[] {
  const heads = ctx.store.prepare(`${HEAD_SELECT} WHERE ${where} ORDER BY a.raised_at, a.id`).all(...params) as HeadRow[]
  if (heads.length === 0) return []
  const lines = ctx.store
    .prepare(
      `SELECT additional_work_id, kind, op_code, part_id, description, quantity_milli, unit_price_fen, amount_fen, payer
         FROM additional_work_lines WHERE additional_work_id IN (SELECT value FROM json_each(?))
        ORDER BY additional_work_id, position`,
    )
    .all(JSON.stringify(heads.map((h) => h.id))) as LineRow[]
  const byWork = new Map<number, LineRow[]>()
  for (const line of lines) {
    const list = byWork.get(line.additional_work_id) ?? []
    list.push(line)
    byWork.set(line.additional_work_id, list)
  }
  const vatRateBp = getSetting(ctx.store, 'vat.rateBp')
  return heads.map((h) => {
    const own = byWork.get(h.id) ?? []
    const totals = totalsOf(own.map((l) => ({ amountFen: l.amount_fen, vatRateBp, payer: l.payer })))
    return {
      id: h.id,
      roId: h.ro_id,
      roNumber: h.ro_number,
      plate: h.plate,
      advisorId: h.advisor_id,
      customerName: h.customer_name,
      finding: h.finding,
      state: h.state,
      raisedBy: h.raised_by_name,
      raisedAt: h.raised_at,
      lines: own.map((l) => ({
        kind: l.kind,
        opCode: l.op_code,
        partId: l.part_id,
        description: l.description,
        quantityMilli: l.quantity_milli,
        unitPriceFen: l.unit_price_fen,
        amountFen: l.amount_fen,
        payer: l.payer,
      })),
      netFen: totals.netFen,
      vatFen: totals.vatFen,
      vatRateBp,
      grossFen: totals.grossFen,
      decisionMethod: h.decision_method,
      decidedBy: h.decided_by,
      decisionNote: h.decision_note,
      recordedBy: h.recorded_by_name,
      decidedAt: h.decided_at,
      followUp: h.follow_up,
      followUpRoId: h.follow_up_ro_id,
      version: h.version,
    }
  })
}

export function getAdditional(ctx: Ctx, id: number): AdditionalOut {
  const found = listAdditional(ctx, 'a.id = ?', [id])[0]
  if (!found) throw notFound('entity.additionalWork', id)
  return found
}
