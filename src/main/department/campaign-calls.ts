import type { InferResult, Kysely } from 'kysely'
import type { UserCtx } from '../api/context'
import { AppError, fieldError, notFound } from '../api/app-error'
import { all, first } from '../store/query'
import type { DB } from '../store/schema'
import { inLocalTime, insertCall, refuseImpossibleCall } from '../care/call-log'
import { updateVersioned } from '../api/versioned'
import type { In, Out } from './campaign-types'

// The invitation calls (邀约电话) of a campaign, logged in the one call log beside follow-up and
// reminder calls: when, who, the outcome. A reached call may close the invitation as booked (the
// customer will come) or declined; an invitation is "reached" once any of its calls reached them.

type Row = Out<'campaigns.invites'>[number]

function base(db: Kysely<DB>) {
  return db
    .selectFrom('campaign_invites as i')
    .innerJoin('vehicles as v', 'v.id', 'i.vehicle_id')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .select(['i.id', 'i.version', 'i.campaign_id', 'i.vehicle_id', 'v.plate', 'v.model', 'c.name', 'c.mobile', 'i.state', 'i.attempts', 'i.reached_at', 'i.callback_at'])
    .select((eb) => eb.selectFrom('care_calls as k').select('k.outcome').whereRef('k.invite_id', '=', 'i.id').orderBy('k.id', 'desc').limit(1).as('last_outcome'))
}

type BaseRow = InferResult<ReturnType<typeof base>>[number]

const toRow = (r: BaseRow): Row => ({
  id: r.id,
  version: r.version,
  campaignId: r.campaign_id,
  vehicleId: r.vehicle_id,
  plate: r.plate,
  model: r.model,
  customerName: r.name,
  mobile: r.mobile,
  state: r.state,
  attempts: r.attempts,
  reached: r.reached_at !== null,
  lastOutcome: r.last_outcome,
  callbackAt: r.callback_at,
})

export function listInvites(ctx: UserCtx, input: In<'campaigns.invites'>): Out<'campaigns.invites'> {
  const q = base(ctx.store.db)
    .where('i.campaign_id', '=', input.id)
    .$if(input.state === 'open', (w) => w.where('i.state', '=', 'open'))
    .$if(input.state === 'closed', (w) => w.where('i.state', '!=', 'open'))
    // Call-backs due first, then those never tried, then by plate.
    .orderBy('i.state')
    .orderBy('i.attempts')
    .orderBy('i.id')
    .limit(input.limit)
  return all(ctx.store, q).map(toRow)
}

export function getInvite(ctx: UserCtx, id: number): Out<'campaigns.invite.get'> {
  const row = first(ctx.store, base(ctx.store.db).where('i.id', '=', id))
  if (!row) throw notFound('entity.campaignInvite', id)
  const calls = all(
    ctx.store,
    ctx.store.db
      .selectFrom('care_calls as k')
      .innerJoin('users as u', 'u.id', 'k.user_id')
      .select(['k.id', 'u.display_name', 'k.started_at', 'k.ended_at', 'k.outcome', 'k.callback_at', 'k.remark'])
      .where('k.invite_id', '=', id)
      .orderBy('k.id'),
  )
  return {
    ...toRow(row),
    calls: calls.map((k) => ({ id: k.id, userName: k.display_name, startedAt: k.started_at, endedAt: k.ended_at, outcome: k.outcome, callbackAt: k.callback_at, remark: k.remark, answers: [] })),
  }
}

export function logInviteCall(ctx: UserCtx, raw: In<'campaigns.invite.logCall'>): Out<'campaigns.invite.logCall'> {
  const input = inLocalTime(ctx, raw)
  const db = ctx.store.db
  const invite = first(ctx.store, base(db).select(['i.customer_id']).where('i.id', '=', input.id))
  if (!invite) throw notFound('entity.campaignInvite', input.id)
  const campaign = first(ctx.store, db.selectFrom('campaigns').select(['code']).where('id', '=', invite.campaign_id))!
  if (invite.state !== 'open') throw new AppError('INVALID_STATE', 'campaign.inviteClosed', { plate: invite.plate ?? '—', state: `inviteState.${invite.state}` })
  refuseImpossibleCall(ctx, input)
  const reached = input.outcome === 'reached'
  if (input.result && !reached) throw fieldError('VALIDATION', 'result', 'care.bookNeedsReached')

  insertCall(ctx, { invite_id: invite.id }, input)
  updateVersioned(ctx, 'campaign_invites', invite.id, input.version, {
    attempts: invite.attempts + 1,
    callback_at: input.callbackAt ?? null,
    ...(reached && invite.reached_at === null ? { reached_at: input.endedAt } : {}),
    ...(input.result ? { state: input.result, closed_at: ctx.nowIso() } : {}),
  })
  ctx.audit({
    action: 'campaigns.invite.logCall',
    entity: 'campaign_invite',
    entityId: invite.id,
    detail: { code: campaign.code, vehicleId: invite.vehicle_id, outcome: `callOutcome.${input.outcome}`, attempts: invite.attempts + 1, ...(input.result ? { inviteResult: `inviteState.${input.result}` } : {}) },
  })
  ctx.events.emit({ type: 'campaign.changed', id: invite.campaign_id })
  return getInvite(ctx, invite.id)
}
