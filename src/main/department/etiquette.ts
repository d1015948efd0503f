import type { Ctx, UserCtx } from '../api/context'
import { AppError, notFound } from '../api/app-error'
import { lastDateOfMonth } from '../../shared/domain/calendar'
import { averageBp, checkScoreBp, mayCheck } from '../../shared/domain/etiquette'
import { all, first, insertId, run } from '../store/query'
import { staffMember } from './staff'
import type { Out } from './types'
import type { z } from 'zod'
import type { etiquetteContract } from '../../shared/contract/etiquette'

// Etiquette checks [manual section 5, 形象礼仪]: a supervisor watches a person at work and marks
// each item of the checklist passed or failed. The check keeps its own passed/items counts, so a
// later change of the checklist does not rewrite a past score; the month score is the average of
// the month's checks, read from the same rows the scorecard lists.

type Section = typeof etiquetteContract
type EIn<K extends keyof Section> = z.output<Section[K]['input']>
type EOut<K extends keyof Section> = z.output<Section[K]['output']>
type Check = EOut<'department.etiquette.record'>

export function etiquetteChecklist(ctx: Pick<Ctx, 'store'>): EOut<'department.etiquette.checklist'> {
  return all(ctx.store, ctx.store.db.selectFrom('etiquette_items').select(['id', 'label', 'position']).where('active', '=', 1).orderBy('position').orderBy('id'))
}

export function saveEtiquetteItem(ctx: UserCtx, input: EIn<'department.etiquette.item.save'>): EOut<'department.etiquette.item.save'> {
  const db = ctx.store.db
  if (input.id === undefined) {
    const last = first(ctx.store, db.selectFrom('etiquette_items').select((eb) => eb.fn.max('position').as('p')))
    const id = insertId(ctx.store, db.insertInto('etiquette_items').values({ label: input.label, position: (last?.p ?? 0) + 1 }))
    ctx.audit({ action: 'department.etiquette.item.save', entity: 'etiquette_item', entityId: id, detail: { label: input.label } })
  } else {
    const item = first(ctx.store, db.selectFrom('etiquette_items').select(['id', 'label']).where('id', '=', input.id).where('active', '=', 1))
    if (!item) throw notFound('entity.etiquette_item', input.id)
    run(ctx.store, db.updateTable('etiquette_items').set({ label: input.label }).where('id', '=', item.id))
    ctx.audit({ action: 'department.etiquette.item.save', entity: 'etiquette_item', entityId: item.id, detail: { before: item.label, after: input.label } })
  }
  ctx.events.emit({ type: 'department.changed', id: input.id ?? 0 })
  return etiquetteChecklist(ctx)
}

export function removeEtiquetteItem(ctx: UserCtx, input: EIn<'department.etiquette.item.remove'>): EOut<'department.etiquette.item.remove'> {
  const db = ctx.store.db
  const item = first(ctx.store, db.selectFrom('etiquette_items').select(['id', 'label']).where('id', '=', input.id).where('active', '=', 1))
  if (!item) throw notFound('entity.etiquette_item', input.id)
  // A check marks every active item; a checklist without any could not be checked at all.
  if (etiquetteChecklist(ctx).length <= 1) throw new AppError('INVALID_STATE', 'etiquette.lastItem')
  run(ctx.store, db.updateTable('etiquette_items').set({ active: 0 }).where('id', '=', item.id))
  ctx.audit({ action: 'department.etiquette.item.remove', entity: 'etiquette_item', entityId: item.id, detail: { label: item.label } })
  ctx.events.emit({ type: 'department.changed', id: item.id })
  return etiquetteChecklist(ctx)
}

/** Checks with their results, by month (optionally one person's) or by id. */
export function checksWhere(ctx: Pick<Ctx, 'store'>, filter: { month?: string; userId?: number; id?: number }): Check[] {
  const heads = all(
    ctx.store,
    ctx.store.db
      .selectFrom('etiquette_checks as c')
      .innerJoin('users as p', 'p.id', 'c.user_id')
      .innerJoin('users as k', 'k.id', 'c.checker_id')
      .select(['c.id', 'c.user_id', 'p.display_name as person', 'c.checked_on', 'k.display_name as checker', 'c.passed', 'c.items'])
      .$if(filter.id !== undefined, (q) => q.where('c.id', '=', filter.id!))
      .$if(filter.userId !== undefined, (q) => q.where('c.user_id', '=', filter.userId!))
      .$if(filter.month !== undefined, (q) => q.where('c.checked_on', '>=', `${filter.month!}-01`).where('c.checked_on', '<=', lastDateOfMonth(filter.month!)))
      .orderBy('c.checked_on')
      .orderBy('c.id'),
  )
  const ids = heads.map((h) => h.id)
  const results = ids.length
    ? all(
        ctx.store,
        ctx.store.db
          .selectFrom('etiquette_results as r')
          .innerJoin('etiquette_items as i', 'i.id', 'r.item_id')
          .select(['r.check_id', 'r.item_id', 'i.label', 'r.passed', 'r.note'])
          .where('r.check_id', 'in', ids)
          .orderBy('i.position')
          .orderBy('i.id'),
      )
    : []
  return heads.map((h) => ({
    id: h.id,
    userId: h.user_id,
    personName: h.person,
    checkedOn: h.checked_on,
    checkerName: h.checker,
    passed: h.passed,
    items: h.items,
    scoreBp: checkScoreBp(h.passed, h.items),
    results: results.filter((r) => r.check_id === h.id).map((r) => ({ itemId: r.item_id, label: r.label, passed: r.passed === 1, note: r.note })),
  }))
}

export function recordEtiquetteCheck(ctx: UserCtx, input: EIn<'department.etiquette.record'>): Check {
  const person = staffMember(ctx, input.userId)
  if (!person) throw new AppError('VALIDATION', 'department.unknownPerson', {}, { fields: [{ field: 'userId', message: 'department.unknownPerson' }] })
  if (person.userId === ctx.user.id || !mayCheck(ctx.user.role, person.role)) {
    throw new AppError('FORBIDDEN', 'etiquette.notYours', { name: person.name })
  }
  const items = etiquetteChecklist(ctx)
  const given = new Set(input.results.map((r) => r.itemId))
  if (given.size !== input.results.length || items.length !== given.size || items.some((i) => !given.has(i.id))) {
    throw new AppError('VALIDATION', 'etiquette.markEveryItem', { n: items.length }, { fields: [{ field: 'results', message: 'etiquette.markEveryItem' }] })
  }
  const passed = input.results.filter((r) => r.passed).length
  const db = ctx.store.db
  const id = insertId(ctx.store, db.insertInto('etiquette_checks').values({ user_id: person.userId, checked_on: input.checkedOn, checker_id: ctx.user.id, passed, items: items.length, created_at: ctx.nowIso() }))
  run(ctx.store, db.insertInto('etiquette_results').values(input.results.map((r) => ({ check_id: id, item_id: r.itemId, passed: r.passed ? 1 : 0, note: r.note }))))
  ctx.audit({ action: 'department.etiquette.record', entity: 'etiquette_check', entityId: id, detail: { person: person.name, date: input.checkedOn, passedItems: passed, checkedItems: items.length } })
  ctx.events.emit({ type: 'department.changed', id })
  return checksWhere(ctx, { id })[0]!
}

export function etiquetteChecks(ctx: Ctx, input: EIn<'department.etiquette.checks'>): EOut<'department.etiquette.checks'> {
  return checksWhere(ctx, input.userId === undefined ? { month: input.month } : { month: input.month, userId: input.userId })
}

/** One person's month on the scorecard: the checks (its rows) and their average. */
export function etiquetteOf(ctx: Ctx, userId: number, month: string): Out<'department.scorecard'>['etiquette'] {
  const checks = checksWhere(ctx, { month, userId })
  return { scoreBp: averageBp(checks.map((c) => c.scoreBp)), checks }
}

/** Everyone's month score in one read (the scorecard list), from the same per-check scores. */
export function etiquetteScores(ctx: Pick<Ctx, 'store'>, month: string): Map<number, number | null> {
  const rows = all(
    ctx.store,
    ctx.store.db
      .selectFrom('etiquette_checks')
      .select(['user_id', 'passed', 'items'])
      .where('checked_on', '>=', `${month}-01`)
      .where('checked_on', '<=', lastDateOfMonth(month)),
  )
  const by = new Map<number, number[]>()
  for (const r of rows) by.set(r.user_id, [...(by.get(r.user_id) ?? []), checkScoreBp(r.passed, r.items)])
  return new Map([...by].map(([u, s]) => [u, averageBp(s)]))
}
