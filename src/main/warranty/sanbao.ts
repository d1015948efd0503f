import type { z } from 'zod'
import type { Ctx, UserCtx } from '../api/context'
import { notFound } from '../api/app-error'
import type { sanbaoContract } from '../../shared/contract/sanbao'
import { localDate } from '../../shared/domain/calendar'
import { RULE_PARAMS } from '../../shared/domain/rules'
import { all, first, run } from '../store/query'
import { ruleByKind } from '../rules/catalog'
import { evaluate } from '../rules/engine'
import { sanbaoOfVehicles, type VehicleSanbaoOut } from '../rules/sanbao-counts'

// The 三包 channels: a vehicle's counters (the warranty desk's vehicle view), the same for an RO's
// vehicle (the RO screen's banner), and the clerk's mark of a claim's serious safety fault or
// replaced assembly — which re-evaluates the rule for the vehicle's ROs still in the workshop.

type Section = typeof sanbaoContract
type In<K extends keyof Section> = z.output<Section[K]['input']>
type Out<K extends keyof Section> = z.output<Section[K]['output']>

type ReadCtx = Pick<Ctx, 'store' | 'clock' | 'timeZone' | 'nowIso'>

export function sanbaoEnv(ctx: ReadCtx) {
  const rule = ruleByKind(ctx.store, ctx.nowIso(), 'sanbao_threshold')
  return { store: ctx.store, today: localDate(ctx.clock.now(), ctx.timeZone), timeZone: ctx.timeZone, limits: RULE_PARAMS.sanbao_threshold.parse(rule.params), ruleEnabled: rule.enabled }
}

function oneVehicle(ctx: ReadCtx, vehicleId: number, currentRo?: number): VehicleSanbaoOut {
  const found = sanbaoOfVehicles(sanbaoEnv(ctx), [vehicleId], currentRo === undefined ? new Map() : new Map([[vehicleId, currentRo]])).get(vehicleId)
  if (!found) throw notFound('entity.vehicle', vehicleId)
  return found
}

export function vehicleSanbao(ctx: Ctx, input: In<'warranty.sanbao.vehicle'>): Out<'warranty.sanbao.vehicle'> {
  return oneVehicle(ctx, input.vehicleId)
}

export function roSanbao(ctx: Ctx, input: In<'warranty.sanbao.forRo'>): Out<'warranty.sanbao.forRo'> {
  const ro = first(ctx.store, ctx.store.db.selectFrom('repair_orders').select(['id', 'vehicle_id']).where('id', '=', input.roId))
  if (!ro) throw notFound('entity.repairOrder', input.roId)
  return { ...oneVehicle(ctx, ro.vehicle_id, ro.id), roId: ro.id }
}

/** ROs of a vehicle still at the dealership: the subjects of its 三包 alerts. */
export function openRoIds(ctx: ReadCtx, vehicleId: number): number[] {
  return all(
    ctx.store,
    ctx.store.db.selectFrom('repair_orders').select('id').where('vehicle_id', '=', vehicleId).where('state', 'not in', ['settled', 'delivered', 'cancelled']),
  ).map((r) => r.id)
}

// The audit trail stores catalog keys, so the entry reads in either language.
const markText = (safety: boolean, replaced: string | null) => ({
  safetyFault: safety ? 'sanbao.safety.yes' : 'sanbao.safety.no',
  replaced: `sanbao.assembly.${replaced ?? 'none'}`,
})

export function markClaimSanbao(ctx: UserCtx, input: In<'warranty.sanbao.mark'>): Out<'warranty.sanbao.mark'> {
  const claim = first(
    ctx.store,
    ctx.store.db
      .selectFrom('warranty_claims as c')
      .leftJoin('warranty_claim_sanbao as m', 'm.claim_id', 'c.id')
      .select(['c.id', 'c.vehicle_id', 'm.safety_fault', 'm.replaced'])
      .where('c.id', '=', input.claimId),
  )
  if (!claim) throw notFound('entity.warrantyClaim', input.claimId)
  const values = { safety_fault: input.safetyFault ? 1 : 0, replaced: input.replaced, user_id: ctx.user.id, at: ctx.nowIso() }
  run(
    ctx.store,
    ctx.store.db
      .insertInto('warranty_claim_sanbao')
      .values({ claim_id: claim.id, ...values })
      .onConflict((oc) => oc.column('claim_id').doUpdateSet(values)),
  )
  ctx.audit({
    action: 'warranty.sanbao.mark',
    entity: 'warranty_claim',
    entityId: claim.id,
    detail: { before: markText(claim.safety_fault === 1, claim.replaced), after: markText(input.safetyFault, input.replaced) },
  })
  ctx.events.emit({ type: 'warranty.changed', id: claim.id })
  evaluate(ctx, { roIds: openRoIds(ctx, claim.vehicle_id) })
  return oneVehicle(ctx, claim.vehicle_id)
}
