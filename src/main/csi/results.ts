import type { Ctx, UserCtx } from '../api/context'
import { AppError, conflict, notFound } from '../api/app-error'
import { addMonthsToDate, localDate } from '../../shared/domain/calendar'
import { itemShareBp, weakestItems, type CsiSurvey } from '../../shared/domain/csi'
import { ruleByKind } from '../rules/catalog'
import { RULE_PARAMS } from '../../shared/domain/rules'
import { all, first, insertId, run } from '../store/query'
import type { In, Out } from './types'

// The maker's monthly CSI results (神秘客户, 电话回访): entered by the front-desk supervisor or the
// manager, one per month and survey, replaced with the version read; each result carries its
// target (the rule's parameter), the change against the month before and its weakest items.

type Result = Out<'csi.save'>

/** The rule that holds each survey to its target; its parameter is the target shown. */
export const CSI_RULE: Record<CsiSurvey, 'csi_mystery_shopper' | 'csi_phone_survey'> = {
  mystery_shopper: 'csi_mystery_shopper',
  phone_survey: 'csi_phone_survey',
}

export function csiTarget(ctx: Ctx, survey: CsiSurvey): number {
  const kind = CSI_RULE[survey]
  // The rule row's params are typed for any kind; read them as this kind's.
  return RULE_PARAMS[kind].parse(ruleByKind(ctx.store, ctx.nowIso(), kind).params).targetTenths
}

const monthShift = (month: string, months: number) => addMonthsToDate(`${month}-01`, months).slice(0, 7)

function resultsBetween(ctx: Ctx, fromMonth: string, toMonth: string, id?: number): Result[] {
  const db = ctx.store.db
  let q = db
    .selectFrom('csi_results as r')
    .innerJoin('users as u', 'u.id', 'r.entered_by')
    .select(['r.id', 'r.month', 'r.survey', 'r.score_tenths', 'r.note', 'r.entered_at', 'r.version', 'u.display_name'])
    .select((eb) =>
      eb
        .selectFrom('csi_results as p')
        .select('p.score_tenths')
        .whereRef('p.survey', '=', 'r.survey')
        .whereRef('p.month', '<', 'r.month')
        .orderBy('p.month', 'desc')
        .limit(1)
        .as('previous_tenths'),
    )
    .orderBy('r.month', 'desc')
    .orderBy('r.survey')
  q = id === undefined ? q.where('r.month', '>=', fromMonth).where('r.month', '<=', toMonth) : q.where('r.id', '=', id)
  const rows = all(ctx.store, q)
  if (rows.length === 0) return []
  const items = all(
    ctx.store,
    db
      .selectFrom('csi_items')
      .select(['result_id', 'code', 'label', 'score_tenths', 'max_tenths'])
      .where(
        'result_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('result_id')
      .orderBy('position'),
  )
  const byResult = new Map<number, Result['items']>()
  for (const i of items) {
    const item = { code: i.code, label: i.label, scoreTenths: i.score_tenths, maxTenths: i.max_tenths }
    const list = byResult.get(i.result_id) ?? []
    list.push({ ...item, shareBp: itemShareBp(item) })
    byResult.set(i.result_id, list)
  }
  const targets = { mystery_shopper: csiTarget(ctx, 'mystery_shopper'), phone_survey: csiTarget(ctx, 'phone_survey') }
  return rows.map((r) => {
    const list = byResult.get(r.id) ?? []
    return {
      id: r.id,
      month: r.month,
      survey: r.survey,
      scoreTenths: r.score_tenths,
      targetTenths: targets[r.survey],
      changeTenths: r.previous_tenths === null ? null : r.score_tenths - r.previous_tenths,
      note: r.note,
      items: list,
      weakest: weakestItems(list, 3),
      enteredBy: r.display_name,
      enteredAt: r.entered_at,
      version: r.version,
    }
  })
}

export function listCsi(ctx: Ctx, input: In<'csi.list'>): Out<'csi.list'> {
  const toMonth = input.toMonth ?? localDate(ctx.clock.now(), ctx.timeZone).slice(0, 7)
  const fromMonth = monthShift(toMonth, -(input.months - 1))
  return { fromMonth, toMonth, results: resultsBetween(ctx, fromMonth, toMonth) }
}

function resultById(ctx: Ctx, id: number): Result {
  const [result] = resultsBetween(ctx, '', '', id)
  if (!result) throw notFound('entity.csiResult', id)
  return result
}

export function saveCsi(ctx: UserCtx, input: In<'csi.save'>): Out<'csi.save'> {
  const thisMonth = localDate(ctx.clock.now(), ctx.timeZone).slice(0, 7)
  if (input.month > thisMonth) throw new AppError('VALIDATION', 'csi.futureMonth', { month: input.month }, { fields: [{ field: 'month', message: 'csi.futureMonth' }] })
  const db = ctx.store.db
  const now = ctx.nowIso()
  const existing = first(ctx.store, db.selectFrom('csi_results').select(['id', 'version', 'score_tenths']).where('month', '=', input.month).where('survey', '=', input.survey))
  let id: number
  if (!existing) {
    // Asked to replace a result that is no longer there (deleted meanwhile).
    if (input.version !== 0) throw notFound('entity.csiResult')
    id = insertId(
      ctx.store,
      db.insertInto('csi_results').values({
        month: input.month,
        survey: input.survey,
        score_tenths: input.scoreTenths,
        note: input.note,
        entered_by: ctx.user.id,
        entered_at: now,
      }),
    )
  } else {
    if (existing.version !== input.version) throw conflict('entity.csiResult', existing.id, input.version, existing.version)
    id = existing.id
    run(
      ctx.store,
      db
        .updateTable('csi_results')
        .set((eb) => ({ score_tenths: input.scoreTenths, note: input.note, entered_by: ctx.user.id, entered_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', id),
    )
    run(ctx.store, db.deleteFrom('csi_items').where('result_id', '=', id))
  }
  input.items.forEach((item, position) => {
    run(
      ctx.store,
      db.insertInto('csi_items').values({ result_id: id, position, code: item.code, label: item.label, score_tenths: item.scoreTenths, max_tenths: item.maxTenths }),
    )
  })
  ctx.audit({
    action: existing ? 'csi.replace' : 'csi.enter',
    entity: 'csi_result',
    entityId: id,
    detail: {
      month: input.month,
      survey: `csiSurvey.${input.survey}`,
      ...(existing ? { before: existing.score_tenths } : {}),
      scoreTenths: input.scoreTenths,
      items: input.items.length,
    },
  })
  ctx.events.emit({ type: 'csi.changed', id })
  return resultById(ctx, id)
}

export function deleteCsi(ctx: UserCtx, input: In<'csi.delete'>): Out<'csi.delete'> {
  const db = ctx.store.db
  const existing = first(ctx.store, db.selectFrom('csi_results').select(['id', 'version', 'month', 'survey', 'score_tenths']).where('id', '=', input.id))
  if (!existing) throw notFound('entity.csiResult', input.id)
  if (existing.version !== input.version) throw conflict('entity.csiResult', existing.id, input.version, existing.version)
  run(ctx.store, db.deleteFrom('csi_items').where('result_id', '=', input.id))
  run(ctx.store, db.deleteFrom('csi_results').where('id', '=', input.id))
  ctx.audit({
    action: 'csi.delete',
    entity: 'csi_result',
    entityId: input.id,
    detail: { month: existing.month, survey: `csiSurvey.${existing.survey}`, scoreTenths: existing.score_tenths },
  })
  ctx.events.emit({ type: 'csi.changed', id: input.id })
  return { id: input.id }
}
