import type { UserCtx } from '../api/context'
import { AppError, fieldError, notFound } from '../api/app-error'
import { all, first, run } from '../store/query'
import type { In, Out } from './campaign-types'

// The campaign code on an RO (活动代码): the advisor picks one of the campaigns running on the
// RO's opening day; the one the vehicle was invited to is suggested. Kept in its own table (one
// row per RO) and changeable until the RO is settled; the analysis reads the ROs through it.

const CLOSED_STATES = new Set(['settled', 'delivered', 'cancelled'])

export function roCampaign(ctx: UserCtx, roId: number): Out<'campaigns.ro.get'> {
  const db = ctx.store.db
  const ro = first(ctx.store, db.selectFrom('repair_orders').select(['id', 'vehicle_id', 'opened_at', 'state']).where('id', '=', roId))
  if (!ro) throw notFound('entity.repairOrder', roId)
  const day = ro.opened_at.slice(0, 10)
  const offers = all(
    ctx.store,
    db
      .selectFrom('campaigns as k')
      .select(['k.id', 'k.code', 'k.name'])
      .select((eb) => eb.exists(eb.selectFrom('campaign_invites as i').select('i.id').whereRef('i.campaign_id', '=', 'k.id').where('i.vehicle_id', '=', ro.vehicle_id)).as('invited'))
      .where('k.state', '=', 'planned')
      .where('k.starts_on', '<=', day)
      .where('k.ends_on', '>=', day)
      .orderBy('k.starts_on')
      .orderBy('k.id'),
  ).map((k) => ({ campaignId: k.id, code: k.code, name: k.name, invited: Boolean(k.invited) }))
  const current = first(ctx.store, db.selectFrom('campaign_ros as x').innerJoin('campaigns as k', 'k.id', 'x.campaign_id').select(['k.id', 'k.code', 'k.name']).where('x.ro_id', '=', roId))
  return {
    roId,
    current: current ? { campaignId: current.id, code: current.code, name: current.name } : null,
    offers,
    suggestedId: current ? null : (offers.find((o) => o.invited)?.campaignId ?? null),
    editable: !CLOSED_STATES.has(ro.state),
  }
}

export function setRoCampaign(ctx: UserCtx, input: In<'campaigns.ro.set'>): Out<'campaigns.ro.set'> {
  const before = roCampaign(ctx, input.roId)
  const ro = first(ctx.store, ctx.store.db.selectFrom('repair_orders').select(['number', 'state']).where('id', '=', input.roId))!
  if (!before.editable) throw new AppError('INVALID_STATE', 'campaign.roClosed', { number: ro.number, state: `roState.${ro.state}` })
  const db = ctx.store.db
  if (input.campaignId === null) {
    if (!before.current) return before
    run(ctx.store, db.deleteFrom('campaign_ros').where('ro_id', '=', input.roId))
  } else {
    const offer = before.offers.find((o) => o.campaignId === input.campaignId)
    if (!offer) throw fieldError('VALIDATION', 'campaignId', 'campaign.notRunning')
    if (before.current?.campaignId === offer.campaignId) return before
    const at = ctx.nowIso()
    run(
      ctx.store,
      db
        .insertInto('campaign_ros')
        .values({ ro_id: input.roId, campaign_id: offer.campaignId, set_by: ctx.user.id, set_at: at })
        .onConflict((oc) => oc.column('ro_id').doUpdateSet({ campaign_id: offer.campaignId, set_by: ctx.user.id, set_at: at })),
    )
  }
  const after = roCampaign(ctx, input.roId)
  ctx.audit({
    action: 'campaigns.ro.set',
    entity: 'repair_order',
    entityId: input.roId,
    detail: { number: ro.number, from: before.current?.code ?? '—', to: after.current?.code ?? '—' },
  })
  ctx.events.emit({ type: 'campaign.changed', id: input.roId })
  ctx.events.emit({ type: 'ro.changed', id: input.roId })
  return after
}
