import type { UserCtx } from '../api/context'
import { all, run } from '../store/query'
import { conflict } from '../api/app-error'
import { addDays } from '../../shared/domain/calendar'
import { CAMPAIGN_FIGURES, figureIsMoney, returnOnCostBp, type CampaignFigure } from '../../shared/domain/campaign'
import { getCampaign } from './campaigns'
import type { In, Out } from './campaign-types'

// The campaign's analysis (活动分析): every figure is read from its rows, so a figure and its
// drill-down agree by construction (and a test checks it). Revenue and discount count the ROs
// carrying the code that are settled (the standing settlement: one later reversed does not count);
// revenue is the net of VAT of that settlement's invoices, the discount the cashier's.

type Row = Out<'campaigns.drill'>['rows'][number]

function inviteRows(ctx: UserCtx, id: number, figure: 'invited' | 'reached' | 'booked'): Row[] {
  const q = ctx.store.db
    .selectFrom('campaign_invites as i')
    .innerJoin('vehicles as v', 'v.id', 'i.vehicle_id')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .select(['i.id', 'i.vehicle_id', 'v.plate', 'c.name', 'i.reached_at', 'i.closed_at'])
    .where('i.campaign_id', '=', id)
    .$if(figure === 'reached', (w) => w.where('i.reached_at', 'is not', null))
    .$if(figure === 'booked', (w) => w.where('i.state', '=', 'booked'))
    .orderBy('i.id')
  return all(ctx.store, q).map((r) => ({
    key: `i${r.id}`,
    vehicleId: r.vehicle_id,
    plate: r.plate,
    customerName: r.name,
    roId: null,
    roNumber: null,
    at: figure === 'reached' ? r.reached_at : figure === 'booked' ? r.closed_at : null,
    amountFen: null,
  }))
}

function arrivedRows(ctx: UserCtx, id: number, startsOn: string, endsOn: string): Row[] {
  // Stored RO times are local ISO text: the dates compare as their prefix.
  const q = ctx.store.db
    .selectFrom('campaign_invites as i')
    .innerJoin('repair_orders as r', 'r.vehicle_id', 'i.vehicle_id')
    .innerJoin('vehicles as v', 'v.id', 'i.vehicle_id')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .select(['i.vehicle_id', 'v.plate', 'c.name', 'r.id as ro_id', 'r.number', 'r.opened_at'])
    .where('i.campaign_id', '=', id)
    .where('r.state', '!=', 'cancelled')
    .where('r.opened_at', '>=', startsOn)
    .where('r.opened_at', '<', addDays(endsOn, 1))
    .orderBy('r.opened_at')
    .orderBy('r.id')
  const seen = new Set<number>()
  const out: Row[] = []
  // One arrival per vehicle: its first RO in the campaign's dates.
  for (const r of all(ctx.store, q)) {
    if (seen.has(r.vehicle_id)) continue
    seen.add(r.vehicle_id)
    out.push({ key: `a${r.ro_id}`, vehicleId: r.vehicle_id, plate: r.plate, customerName: r.name, roId: r.ro_id, roNumber: r.number, at: r.opened_at, amountFen: null })
  }
  return out
}

function roRows(ctx: UserCtx, id: number, figure: 'ros' | 'revenue' | 'discount'): Row[] {
  const db = ctx.store.db
  const q = db
    .selectFrom('campaign_ros as x')
    .innerJoin('repair_orders as r', 'r.id', 'x.ro_id')
    .innerJoin('vehicles as v', 'v.id', 'r.vehicle_id')
    .innerJoin('customers as c', 'c.id', 'v.owner_id')
    .leftJoin('settlements as s', (j) =>
      j
        .onRef('s.ro_id', '=', 'r.id')
        .on('s.kind', '=', 'settle')
        .on(({ not, exists, selectFrom }) => not(exists(selectFrom('settlements as z').select('z.id').whereRef('z.reverses_id', '=', 's.id')))),
    )
    .select(['r.id', 'r.number', 'r.vehicle_id', 'r.opened_at', 'v.plate', 'c.name', 's.id as settlement_id', 's.at as settled_at', 's.discount_fen'])
    .select((eb) =>
      eb
        .selectFrom('invoices as n')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('n.net_fen'), e.lit(0)).as('net'))
        .whereRef('n.settlement_id', '=', 's.id')
        .where('n.kind', '=', 'invoice')
        .as('net'),
    )
    .where('x.campaign_id', '=', id)
    .where('r.state', '!=', 'cancelled')
    .$if(figure !== 'ros', (w) => w.where('s.id', 'is not', null))
    .orderBy('r.opened_at')
    .orderBy('r.id')
  return all(ctx.store, q).map((r) => ({
    key: `r${r.id}`,
    vehicleId: r.vehicle_id,
    plate: r.plate,
    customerName: r.name,
    roId: r.id,
    roNumber: r.number,
    at: figure === 'ros' ? r.opened_at : r.settled_at,
    amountFen: figure === 'revenue' ? Number(r.net ?? 0) : figure === 'discount' ? (r.discount_fen ?? 0) : null,
  }))
}

function rowsOf(ctx: UserCtx, id: number, figure: CampaignFigure): Row[] {
  const k = getCampaign(ctx, id)
  switch (figure) {
    case 'invited':
    case 'reached':
    case 'booked':
      return inviteRows(ctx, id, figure)
    case 'arrived':
      return arrivedRows(ctx, id, k.startsOn, k.endsOn)
    case 'ros':
    case 'revenue':
    case 'discount':
      return roRows(ctx, id, figure)
  }
}

const valueOf = (figure: CampaignFigure, rows: Row[]) => (figureIsMoney(figure) ? rows.reduce((s, r) => s + (r.amountFen ?? 0), 0) : rows.length)

export function campaignDrill(ctx: UserCtx, input: In<'campaigns.drill'>): Out<'campaigns.drill'> {
  const rows = rowsOf(ctx, input.id, input.figure)
  return { figure: input.figure, value: valueOf(input.figure, rows), rows }
}

export function campaignAnalysis(ctx: UserCtx, input: In<'campaigns.analysis'>): Out<'campaigns.analysis'> {
  const campaign = getCampaign(ctx, input.id)
  const figures = CAMPAIGN_FIGURES.map((figure) => ({ figure, value: valueOf(figure, rowsOf(ctx, input.id, figure)) }))
  const revenue = figures.find((f) => f.figure === 'revenue')!.value
  return { campaign, figures, returnOnCostBp: returnOnCostBp(revenue, campaign.costFen) }
}

export function reviewCampaign(ctx: UserCtx, input: In<'campaigns.review'>): Out<'campaigns.review'> {
  const before = getCampaign(ctx, input.id)
  const result = run(
    ctx.store,
    ctx.store.db
      .updateTable('campaigns')
      .set({ cost_fen: input.costFen, summary: input.summary, updated_at: ctx.nowIso() })
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', input.id)
      .where('version', '=', input.version),
  )
  if (result.changes !== 1) throw conflict('entity.campaign', input.id, input.version, before.version)
  ctx.audit({
    action: 'campaigns.review',
    entity: 'campaign',
    entityId: input.id,
    detail: { code: before.code, before: { costFen: before.costFen, summary: before.summary }, after: { costFen: input.costFen, summary: input.summary } },
  })
  ctx.events.emit({ type: 'campaign.changed', id: input.id })
  return getCampaign(ctx, input.id)
}

