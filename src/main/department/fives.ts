import { attachmentCounts } from '../attachments/attachments'
import type { UserCtx } from '../api/context'
import { AppError, conflict, notFound } from '../api/app-error'
import { lastDateOfMonth, localDate } from '../../shared/domain/calendar'
import { FIVES_ITEM_MAX, type FivesArea } from '../../shared/domain/department'
import { all, first, insertId, run } from '../store/query'
import { envOf } from '../rules/context'
import { evaluateRule } from '../rules/engine'
import { ruleByKind } from '../rules/catalog'
import type { In, Out } from './types'

// 5S audits [manual section 4]: an area's checklist scored item by item, findings with an owner
// and a due date, followed up until closed; the overdue-findings rule is judged after each write.

type Finding = Out<'department.fiveS.close'>
type Audit = Out<'department.fiveS.record'>

export function checklist(ctx: Pick<UserCtx, 'store'>, input: { area: FivesArea }): Out<'department.fiveS.checklist'> {
  return all(
    ctx.store,
    ctx.store.db.selectFrom('fives_items').select(['id', 'area', 's', 'label', 'position']).where('area', '=', input.area).where('active', '=', 1).orderBy('position').orderBy('id'),
  )
}

function findingsWhere(ctx: UserCtx, filter: { auditIds?: number[]; state?: 'open' | 'closed'; id?: number }): Finding[] {
  const today = localDate(ctx.clock.now(), ctx.timeZone)
  const rows = all(
    ctx.store,
    ctx.store.db
      .selectFrom('fives_findings as f')
      .innerJoin('fives_audits as a', 'a.id', 'f.audit_id')
      .innerJoin('users as u', 'u.id', 'f.owner_id')
      .select(['f.id', 'f.audit_id', 'a.area', 'f.text', 'f.owner_id', 'u.display_name', 'f.due_on', 'f.state', 'f.closed_at', 'f.close_note', 'f.version'])
      .$if(filter.auditIds !== undefined, (q) => q.where('f.audit_id', 'in', filter.auditIds!.length ? filter.auditIds! : [0]))
      .$if(filter.state !== undefined, (q) => q.where('f.state', '=', filter.state!))
      .$if(filter.id !== undefined, (q) => q.where('f.id', '=', filter.id!))
      .orderBy('f.due_on')
      .orderBy('f.id'),
  )
  const photos = attachmentCounts(ctx.store, 'fives_finding', rows.map((f) => f.id))
  return rows.map((f) => ({
    id: f.id,
    auditId: f.audit_id,
    area: f.area,
    text: f.text,
    ownerId: f.owner_id,
    ownerName: f.display_name,
    dueOn: f.due_on,
    state: f.state,
    overdue: f.state === 'open' && f.due_on < today,
    closedAt: f.closed_at,
    closeNote: f.close_note,
    attachments: photos.get(f.id) ?? 0,
    version: f.version,
  }))
}

function auditsWhere(ctx: UserCtx, filter: { from?: string; to?: string; id?: number }): Audit[] {
  const heads = all(
    ctx.store,
    ctx.store.db
      .selectFrom('fives_audits as a')
      .innerJoin('users as u', 'u.id', 'a.auditor_id')
      .select(['a.id', 'a.area', 'a.audited_on', 'u.display_name', 'a.score', 'a.max_score'])
      .$if(filter.id !== undefined, (q) => q.where('a.id', '=', filter.id!))
      .$if(filter.from !== undefined, (q) => q.where('a.audited_on', '>=', filter.from!).where('a.audited_on', '<=', filter.to!))
      .orderBy('a.audited_on')
      .orderBy('a.id'),
  )
  const findings = findingsWhere(ctx, { auditIds: heads.map((h) => h.id) })
  return heads.map((h) => ({ id: h.id, area: h.area, auditedOn: h.audited_on, auditorName: h.display_name, score: h.score, maxScore: h.max_score, findings: findings.filter((f) => f.auditId === h.id) }))
}

function reviewRule(ctx: UserCtx): void {
  const env = envOf(ctx)
  if (evaluateRule(env, ruleByKind(ctx.store, env.nowIso, 'fives_finding_overdue'), 'all').changed > 0) ctx.events.emit({ type: 'alerts.changed' })
}

export function recordFivesAudit(ctx: UserCtx, input: In<'department.fiveS.record'>): Audit {
  const items = checklist(ctx, { area: input.area })
  const given = new Map(input.scores.map((s) => [s.itemId, s.score]))
  if (items.some((i) => !given.has(i.id)) || given.size !== input.scores.length || input.scores.some((s) => !items.some((i) => i.id === s.itemId))) {
    throw new AppError('VALIDATION', 'department.fivesScoreEveryItem', { n: items.length }, { fields: [{ field: 'scores', message: 'department.fivesScoreEveryItem' }] })
  }
  const owners = input.findings.map((f) => f.ownerId)
  if (owners.length) {
    const known = all(ctx.store, ctx.store.db.selectFrom('users').select('id').where('id', 'in', owners).where('active', '=', 1)).map((u) => u.id)
    if (owners.some((o) => !known.includes(o))) throw new AppError('VALIDATION', 'department.unknownPerson', {}, { fields: [{ field: 'findings', message: 'department.unknownPerson' }] })
  }
  const score = input.scores.reduce((s, x) => s + x.score, 0)
  const db = ctx.store.db
  const now = ctx.nowIso()
  const id = insertId(ctx.store, db.insertInto('fives_audits').values({ area: input.area, audited_on: input.auditedOn, auditor_id: ctx.user.id, score, max_score: items.length * FIVES_ITEM_MAX, created_at: now }))
  run(ctx.store, db.insertInto('fives_scores').values(input.scores.map((s) => ({ audit_id: id, item_id: s.itemId, score: s.score }))))
  if (input.findings.length) run(ctx.store, db.insertInto('fives_findings').values(input.findings.map((f) => ({ audit_id: id, text: f.text, owner_id: f.ownerId, due_on: f.dueOn }))))
  ctx.audit({ action: 'department.fiveS.record', entity: 'fives_audit', entityId: id, detail: { area: `fivesArea.${input.area}`, date: input.auditedOn, score, findings: input.findings.length } })
  ctx.events.emit({ type: 'department.changed', id })
  reviewRule(ctx)
  return auditsWhere(ctx, { id })[0]!
}

export function fivesAudits(ctx: UserCtx, input: In<'department.fiveS.audits'>): Out<'department.fiveS.audits'> {
  return auditsWhere(ctx, { from: `${input.month}-01`, to: lastDateOfMonth(input.month) })
}

export function fivesFindings(ctx: UserCtx, input: In<'department.fiveS.findings'>): Out<'department.fiveS.findings'> {
  return findingsWhere(ctx, input.state === 'all' ? {} : { state: input.state })
}

export function closeFinding(ctx: UserCtx, input: In<'department.fiveS.close'>): Finding {
  const f = first(ctx.store, ctx.store.db.selectFrom('fives_findings').select(['id', 'state', 'version']).where('id', '=', input.id))
  if (!f) throw notFound('entity.fives_finding', input.id)
  if (f.version !== input.version) throw conflict('entity.fives_finding', f.id, input.version, f.version)
  if (f.state === 'closed') throw new AppError('INVALID_STATE', 'department.findingClosed')
  run(ctx.store, ctx.store.db.updateTable('fives_findings').set({ state: 'closed', closed_at: ctx.nowIso(), closed_by: ctx.user.id, close_note: input.note, version: f.version + 1 }).where('id', '=', f.id))
  ctx.audit({ action: 'department.fiveS.close', entity: 'fives_finding', entityId: f.id, detail: { before: 'open', after: 'closed', note: input.note } })
  ctx.events.emit({ type: 'department.changed', id: f.id })
  reviewRule(ctx)
  return findingsWhere(ctx, { id: f.id })[0]!
}
