import type { InferResult, Kysely } from 'kysely'
import type { UserCtx } from '../api/context'
import { conflict, fieldError, notFound } from '../api/app-error'
import { all, first, insertId, run } from '../store/query'
import type { DB } from '../store/schema'
import { campaignCode } from '../../shared/domain/campaign'
import { countTarget, targetVehicles } from './campaign-target'
import type { In, Out } from './campaign-types'
import { reviewCampaignRule } from './campaign-rule'

// The campaign record (市场服务活动): planned by the service manager with its dates, offer and
// target group; the code is given on creation (the month and a number) and never changes, since
// advisors write it on ROs. Every change is audited; edits carry the version.

type Row = Out<'campaigns.get'>

function base(db: Kysely<DB>) {
  return db
    .selectFrom('campaigns as k')
    .innerJoin('users as u', 'u.id', 'k.created_by')
    .selectAll('k')
    .select('u.display_name')
    .select((eb) => eb.selectFrom('campaign_invites as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.campaign_id', '=', 'k.id').as('invited'))
}

type BaseRow = InferResult<ReturnType<typeof base>>[number]

function toRow(k: BaseRow): Row {
  return {
    id: k.id,
    code: k.code,
    name: k.name,
    month: k.month,
    startsOn: k.starts_on,
    endsOn: k.ends_on,
    labourDiscountBp: k.labour_discount_bp,
    packageName: k.package_name,
    packagePriceFen: k.package_price_fen,
    freeCheck: k.free_check,
    target: { source: k.target_source, model: k.target_model, ageMin: k.target_age_min, ageMax: k.target_age_max },
    state: k.state,
    costFen: k.cost_fen,
    summary: k.summary,
    invited: k.invited ?? 0,
    version: k.version,
    createdBy: k.display_name,
  }
}

export function listCampaigns(ctx: UserCtx, input: In<'campaigns.list'>): Out<'campaigns.list'> {
  return all(ctx.store, base(ctx.store.db).orderBy('k.starts_on', 'desc').orderBy('k.id', 'desc').limit(input.limit)).map(toRow)
}

export function getCampaign(ctx: UserCtx, id: number): Row {
  const k = first(ctx.store, base(ctx.store.db).where('k.id', '=', id))
  if (!k) throw notFound('entity.campaign', id)
  return toRow(k)
}

function checkDraft(draft: In<'campaigns.save'>['draft']): void {
  if (draft.endsOn < draft.startsOn) throw fieldError('VALIDATION', 'draft.endsOn', 'campaign.endBeforeStart')
  const { ageMin, ageMax } = draft.target
  if (ageMin !== null && ageMax !== null && ageMax < ageMin) throw fieldError('VALIDATION', 'draft.target.ageMax', 'campaign.ageBand')
}

export function targetCount(ctx: UserCtx, input: In<'campaigns.targetCount'>): Out<'campaigns.targetCount'> {
  if (input.endsOn < input.startsOn) throw fieldError('VALIDATION', 'endsOn', 'campaign.endBeforeStart')
  return { count: countTarget(ctx, input.target, input.startsOn, input.endsOn) }
}

export function saveCampaign(ctx: UserCtx, input: In<'campaigns.save'>): Row {
  const d = input.draft
  checkDraft(d)
  const db = ctx.store.db
  const now = ctx.nowIso()
  const values = {
    name: d.name,
    month: d.startsOn.slice(0, 7),
    starts_on: d.startsOn,
    ends_on: d.endsOn,
    labour_discount_bp: d.labourDiscountBp,
    package_name: d.packageName,
    package_price_fen: d.packagePriceFen,
    free_check: d.freeCheck,
    target_source: d.target.source,
    target_model: d.target.model === '' ? null : d.target.model,
    target_age_min: d.target.ageMin,
    target_age_max: d.target.ageMax,
    updated_at: now,
  }
  const detail = { name: d.name, date: d.startsOn, to: d.endsOn, labourDiscountBp: d.labourDiscountBp, target: `campaignTarget.${d.target.source}` }
  if (input.id === undefined) {
    const month = values.month
    const n = (first(ctx.store, db.selectFrom('campaigns').select((eb) => eb.fn.countAll<number>().as('n')).where('month', '=', month))?.n ?? 0) + 1
    const code = campaignCode(month, n)
    const id = insertId(ctx.store, db.insertInto('campaigns').values({ ...values, code, created_by: ctx.user.id, created_at: now }))
    ctx.audit({ action: 'campaigns.create', entity: 'campaign', entityId: id, detail: { code, ...detail } })
    ctx.events.emit({ type: 'campaign.changed', id })
    reviewCampaignRule(ctx)
    return getCampaign(ctx, id)
  }
  if (input.version === undefined) throw fieldError('VALIDATION', 'version', 'validation.required')
  const current = getCampaign(ctx, input.id)
  if (current.month !== values.month) throw fieldError('VALIDATION', 'draft.startsOn', 'campaign.monthFixed', { month: current.month })
  const result = run(ctx.store, db.updateTable('campaigns').set(values).set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', input.id).where('version', '=', input.version))
  if (result.changes !== 1) throw conflict('entity.campaign', input.id, input.version, current.version)
  ctx.audit({ action: 'campaigns.update', entity: 'campaign', entityId: input.id, detail: { code: current.code, ...detail } })
  ctx.events.emit({ type: 'campaign.changed', id: input.id })
  reviewCampaignRule(ctx)
  return getCampaign(ctx, input.id)
}

export function inviteTarget(ctx: UserCtx, input: In<'campaigns.invite'>): Out<'campaigns.invite'> {
  const k = getCampaign(ctx, input.id)
  const db = ctx.store.db
  const already = new Set(all(ctx.store, db.selectFrom('campaign_invites').select('vehicle_id').where('campaign_id', '=', k.id)).map((r) => r.vehicle_id))
  const fresh = targetVehicles(ctx, k.target, k.startsOn, k.endsOn).filter((v) => !already.has(v.vehicleId))
  const now = ctx.nowIso()
  // Inserted in slices: one statement per row would be slow, one for thousands hits SQLite's bound-parameter cap.
  for (let i = 0; i < fresh.length; i += 200) {
    run(ctx.store, db.insertInto('campaign_invites').values(fresh.slice(i, i + 200).map((v) => ({ campaign_id: k.id, vehicle_id: v.vehicleId, customer_id: v.customerId, created_at: now }))))
  }
  ctx.audit({ action: 'campaigns.invite', entity: 'campaign', entityId: k.id, detail: { code: k.code, added: fresh.length, invited: already.size + fresh.length } })
  ctx.events.emit({ type: 'campaign.changed', id: k.id })
  return { added: fresh.length, invited: already.size + fresh.length }
}
