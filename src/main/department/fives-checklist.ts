import type { UserCtx } from '../api/context'
import { AppError, notFound } from '../api/app-error'
import { first, run } from '../store/query'
import { checklist } from './fives'
import type { In, Out } from './types'

// An area's 5S checklist is editable: the defaults come with the database (migration 0013), the
// manager or a supervisor adds, rewords or takes items off. An item taken off is kept (inactive)
// so the audits that scored it still read; the next audit scores only the active ones.

export function saveFivesItem(ctx: UserCtx, input: In<'department.fiveS.item.save'>): Out<'department.fiveS.item.save'> {
  const db = ctx.store.db
  if (input.id === undefined) {
    const last = first(ctx.store, db.selectFrom('fives_items').select((eb) => eb.fn.max('position').as('p')).where('area', '=', input.area))
    const position = (last?.p ?? 0) + 1
    const res = run(ctx.store, db.insertInto('fives_items').values({ area: input.area, s: input.s, label: input.label, position }))
    ctx.audit({ action: 'department.fiveS.item.save', entity: 'fives_item', entityId: Number(res.lastInsertRowid), detail: { area: `fivesArea.${input.area}`, s: `fiveS.${input.s}`, label: input.label } })
  } else {
    const item = first(ctx.store, db.selectFrom('fives_items').select(['id', 'area', 's', 'label']).where('id', '=', input.id).where('active', '=', 1))
    if (!item) throw notFound('entity.fives_item', input.id)
    if (item.area !== input.area) throw new AppError('VALIDATION', 'department.fivesItemArea', {}, { fields: [{ field: 'area', message: 'department.fivesItemArea' }] })
    run(ctx.store, db.updateTable('fives_items').set({ s: input.s, label: input.label }).where('id', '=', item.id))
    ctx.audit({ action: 'department.fiveS.item.save', entity: 'fives_item', entityId: item.id, detail: { area: `fivesArea.${item.area}`, before: item.label, after: input.label, s: `fiveS.${input.s}` } })
  }
  ctx.events.emit({ type: 'department.changed', id: input.id ?? 0 })
  return checklist(ctx, { area: input.area })
}

export function removeFivesItem(ctx: UserCtx, input: In<'department.fiveS.item.remove'>): Out<'department.fiveS.item.remove'> {
  const db = ctx.store.db
  const item = first(ctx.store, db.selectFrom('fives_items').select(['id', 'area', 'label']).where('id', '=', input.id).where('active', '=', 1))
  if (!item) throw notFound('entity.fives_item', input.id)
  const left = checklist(ctx, { area: item.area }).length
  // An audit scores every active item; an area without any could not be audited at all.
  if (left <= 1) throw new AppError('INVALID_STATE', 'department.fivesLastItem')
  run(ctx.store, db.updateTable('fives_items').set({ active: 0 }).where('id', '=', item.id))
  ctx.audit({ action: 'department.fiveS.item.remove', entity: 'fives_item', entityId: item.id, detail: { area: `fivesArea.${item.area}`, label: item.label } })
  ctx.events.emit({ type: 'department.changed', id: item.id })
  return checklist(ctx, { area: item.area })
}
