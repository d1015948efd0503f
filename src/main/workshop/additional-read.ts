import type { Ctx } from '../api/context'
import { notFound } from '../api/app-error'
import { totalsOf } from '../../shared/domain/money'
import type { Payer } from '../../shared/domain/payer'
import { sql } from 'kysely'
import { all } from '../store/query'
import { getSetting } from '../settings/settings'
import type { Out } from './rows'

// Reading additional work (增项) with its estimate lines: two set-based queries whatever the count.

export type AdditionalOut = Out<'workshop.additional.raise'>

/** Which additional work to read; every given field must match. */
export interface AdditionalFilter {
  id?: number
  roId?: number
  vehicleId?: number
  state?: 'raised' | 'approved' | 'declined'
  advisorId?: number
  /** Only work with no follow-up decided yet. */
  noFollowUp?: boolean
}

/** Additional work matching `filter`, oldest first. */
export function listAdditional(ctx: Ctx, filter: AdditionalFilter): AdditionalOut[] {
  const heads = all(
    ctx.store,
    ctx.store.db
      .selectFrom('additional_work as a')
      .innerJoin('repair_orders as r', 'r.id', 'a.ro_id')
      .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
      .innerJoin('customers as c', 'c.id', 'r.customer_id')
      .innerJoin('users as ru', 'ru.id', 'a.raised_by')
      .leftJoin('users as rec', 'rec.id', 'a.recorded_by')
      .select([
        'a.id',
        'a.ro_id',
        'r.number as ro_number',
        'v.plate',
        'r.advisor_id',
        'c.name as customer_name',
        'a.finding',
        'a.state',
        'ru.display_name as raised_by_name',
        'a.raised_at',
        'a.decision_method',
        'a.decided_by',
        'a.decision_note',
        'rec.display_name as recorded_by_name',
        'a.decided_at',
        'a.follow_up',
        'a.follow_up_ro_id',
        'a.version',
      ])
      .$if(filter.id !== undefined, (q) => q.where('a.id', '=', filter.id!))
      .$if(filter.roId !== undefined, (q) => q.where('a.ro_id', '=', filter.roId!))
      .$if(filter.vehicleId !== undefined, (q) => q.where('a.vehicle_id', '=', filter.vehicleId!))
      .$if(filter.state !== undefined, (q) => q.where('a.state', '=', filter.state!))
      .$if(filter.advisorId !== undefined, (q) => q.where('r.advisor_id', '=', filter.advisorId!))
      .$if(filter.noFollowUp === true, (q) => q.where('a.follow_up', 'is', null))
      .orderBy('a.raised_at')
      .orderBy('a.id'),
  )
  if (heads.length === 0) return []
  const lines = all(
    ctx.store,
    ctx.store.db
      .selectFrom('additional_work_lines')
      .select(['additional_work_id', 'kind', 'op_code', 'part_id', 'description', 'quantity_milli', 'unit_price_fen', 'amount_fen', 'payer'])
      .where('additional_work_id', 'in', (eb) => eb.selectFrom(sql<{ value: number }>`json_each(${JSON.stringify(heads.map((h) => h.id))})`.as('ids')).select('ids.value'))
      .orderBy('additional_work_id')
      .orderBy('position')
      .$narrowType<{ payer: Payer }>(),
  )
  type LineRow = (typeof lines)[number]
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
  const found = listAdditional(ctx, { id })[0]
  if (!found) throw notFound('entity.additionalWork', id)
  return found
}
