import type { UserCtx } from '../api/context'
import { AppError, conflict } from '../api/app-error'
import { checkSplit, quarterMonths, TARGET_MEASURES, type TargetMeasure } from '../../shared/domain/department'
import { formatFen } from '../../shared/domain/money'
import { all, first, insertId, run } from '../store/query'
import { RO_OWNER_ROLES, staffList } from './staff'
import type { In, Out } from './types'

// The service manager's quarterly targets [manual: 季度/年度目标, 分解到每月和个人]. A target is
// saved with its split to the quarter's months, and optionally to people; a split that does not
// add up to the target is refused with the sums, never stored as it is (the screen shows the same
// sums while it is being edited).

type Plan = Out<'department.targets.get'>['plans'][number]

const amountText = (measure: TargetMeasure, v: number) => (measure === 'ros' ? String(v) : formatFen(v, 'zh-CN'))

export function getTargets(ctx: Pick<UserCtx, 'store'>, input: In<'department.targets.get'>): Out<'department.targets.get'> {
  const db = ctx.store.db
  const rows = all(
    ctx.store,
    db
      .selectFrom('dept_targets as t')
      .innerJoin('users as u', 'u.id', 't.updated_by')
      .select(['t.id', 't.measure', 't.total', 't.note', 't.version', 't.updated_at', 'u.display_name'])
      .where('t.year', '=', input.year)
      .where('t.quarter', '=', input.quarter),
  )
  const ids = rows.map((r) => r.id)
  const months = ids.length ? all(ctx.store, db.selectFrom('dept_target_months').selectAll().where('target_id', 'in', ids).orderBy('month')) : []
  const people = ids.length ? all(ctx.store, db.selectFrom('dept_target_people').selectAll().where('target_id', 'in', ids).orderBy('user_id')) : []
  const plans: Plan[] = TARGET_MEASURES.map((measure) => {
    const r = rows.find((x) => x.measure === measure)
    if (!r) return { measure, targetId: null, total: null, note: '', version: null, months: [], people: [], updatedAt: null, updatedBy: null }
    return {
      measure,
      targetId: r.id,
      total: r.total,
      note: r.note,
      version: r.version,
      months: months.filter((m) => m.target_id === r.id).map((m) => ({ month: m.month, amount: m.amount })),
      people: people.filter((p) => p.target_id === r.id).map((p) => ({ userId: p.user_id, amount: p.amount })),
      updatedAt: r.updated_at,
      updatedBy: r.display_name,
    }
  })
  const year = all(
    ctx.store,
    db
      .selectFrom('dept_targets')
      .select(['measure', (eb) => eb.fn.sum<number>('total').as('total'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('year', '=', input.year)
      .groupBy('measure'),
  )
  return {
    year: input.year,
    quarter: input.quarter,
    months: quarterMonths(input.year, input.quarter),
    plans,
    yearTotals: TARGET_MEASURES.map((measure) => {
      const y = year.find((x) => x.measure === measure)
      return { measure, total: y?.total ?? 0, quartersSet: y?.n ?? 0 }
    }),
    staff: staffList(ctx, RO_OWNER_ROLES),
  }
}

function refuseSplit(field: 'months' | 'people', measure: TargetMeasure, total: number, amounts: number[]): void {
  const c = checkSplit(total, amounts)
  if (c.balanced) return
  const params = { sum: amountText(measure, c.sum), total: amountText(measure, c.total), difference: amountText(measure, Math.abs(c.difference)) }
  const key = c.difference > 0 ? 'department.splitOver' : 'department.splitUnder'
  throw new AppError('VALIDATION', key, params, { fields: [{ field, message: key }], sum: c.sum, total: c.total, difference: c.difference })
}

export function saveTarget(ctx: UserCtx, input: In<'department.targets.save'>): Out<'department.targets.save'> {
  const db = ctx.store.db
  const quarterMonthList = quarterMonths(input.year, input.quarter)
  const given = input.months.map((m) => m.month)
  if (quarterMonthList.some((m) => !given.includes(m))) {
    throw new AppError('VALIDATION', 'department.monthsOfQuarter', { months: quarterMonthList.join('、') }, { fields: [{ field: 'months', message: 'department.monthsOfQuarter' }] })
  }
  refuseSplit('months', input.measure, input.total, input.months.map((m) => m.amount))
  if (input.people.length > 0) {
    const owners = new Set(staffList(ctx, RO_OWNER_ROLES).map((s) => s.userId))
    const stranger = input.people.find((p) => !owners.has(p.userId))
    if (stranger) throw new AppError('VALIDATION', 'department.notRoOwner', {}, { fields: [{ field: 'people', message: 'department.notRoOwner' }], userId: stranger.userId })
    refuseSplit('people', input.measure, input.total, input.people.map((p) => p.amount))
  }
  const existing = first(
    ctx.store,
    db.selectFrom('dept_targets').select(['id', 'total', 'version']).where('year', '=', input.year).where('quarter', '=', input.quarter).where('measure', '=', input.measure),
  )
  const now = ctx.nowIso()
  let id: number
  if (existing) {
    if (input.version !== existing.version) throw conflict('entity.dept_target', existing.id, input.version ?? 0, existing.version)
    id = existing.id
    run(ctx.store, db.updateTable('dept_targets').set({ total: input.total, note: input.note, updated_at: now, updated_by: ctx.user.id, version: existing.version + 1 }).where('id', '=', id))
    run(ctx.store, db.deleteFrom('dept_target_months').where('target_id', '=', id))
    run(ctx.store, db.deleteFrom('dept_target_people').where('target_id', '=', id))
  } else {
    id = insertId(
      ctx.store,
      db.insertInto('dept_targets').values({ year: input.year, quarter: input.quarter, measure: input.measure, total: input.total, note: input.note, updated_at: now, updated_by: ctx.user.id }),
    )
  }
  run(ctx.store, db.insertInto('dept_target_months').values(input.months.map((m) => ({ target_id: id, month: m.month, amount: m.amount }))))
  if (input.people.length > 0) run(ctx.store, db.insertInto('dept_target_people').values(input.people.map((p) => ({ target_id: id, user_id: p.userId, amount: p.amount }))))
  const money = input.measure !== 'ros'
  ctx.audit({
    action: 'department.targets.save',
    entity: 'dept_target',
    entityId: id,
    detail: {
      year: input.year,
      quarter: input.quarter,
      measure: `deptMeasure.${input.measure}`,
      ...(money ? { before: { totalFen: existing?.total ?? null }, after: { totalFen: input.total } } : { before: { total: existing?.total ?? null }, after: { total: input.total } }),
      people: input.people.length,
    },
  })
  ctx.events.emit({ type: 'department.changed', id })
  return getTargets(ctx, { year: input.year, quarter: input.quarter })
}
