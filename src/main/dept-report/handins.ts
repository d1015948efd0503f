import { z } from 'zod'
import type { UserCtx } from '../api/context'
import { AppError } from '../api/app-error'
import { localDate } from '../../shared/domain/calendar'
import { DEFAULT_REPORT_DUE_DAY, HANDIN_ROLES, handInState, monthsBack, reportDueOn, type HandInRole } from '../../shared/domain/dept-report'
import { readSetting, writeSetting } from '../settings/settings'
import type { Store } from '../store/open'
import { all, first, run } from '../store/query'
import type { In, Out } from './types'

// The report's hand-in (报表上交): one row per month and role. The due date is frozen on the row
// when handed in; for months not handed in yet it is the setting's. A month's report can be
// handed in once the month is over, by the front-desk supervisor and the service manager each.

const DUE_DAY_KEY = 'department.reportDueDay'
const DueDay = z.number().int().min(1).max(28)

export function reportDueDay(store: Store): number {
  return readSetting(store, DUE_DAY_KEY, DueDay, DEFAULT_REPORT_DUE_DAY)
}

type Month = Out<'department.report.handIn'>

export function reportMonths(ctx: UserCtx, months: readonly string[]): Month[] {
  if (months.length === 0) return []
  const dueDay = reportDueDay(ctx.store)
  const today = localDate(ctx.clock.now(), ctx.timeZone)
  const rows = all(
    ctx.store,
    ctx.store.db
      .selectFrom('dept_report_handins as h')
      .innerJoin('users as u', 'u.id', 'h.user_id')
      .select(['h.month', 'h.role', 'h.handed_in_at', 'h.due_on', 'h.note', 'u.display_name'])
      .where('h.month', 'in', [...months]),
  )
  return months.map((month) => {
    const due = reportDueOn(month, dueDay)
    return {
      month,
      dueOn: due,
      closed: month < today.slice(0, 7),
      handIns: HANDIN_ROLES.map((role) => {
        const h = rows.find((x) => x.month === month && x.role === role)
        const dueOn = h?.due_on ?? due
        return {
          role,
          state: handInState(dueOn, h ? h.handed_in_at.slice(0, 10) : null, today),
          userName: h?.display_name ?? null,
          handedInAt: h?.handed_in_at ?? null,
          dueOn,
          note: h?.note ?? '',
        }
      }),
    }
  })
}

export function listReportMonths(ctx: UserCtx, input: In<'department.report.months'>): Out<'department.report.months'> {
  const to = input.toMonth ?? localDate(ctx.clock.now(), ctx.timeZone).slice(0, 7)
  const months = Array.from({ length: input.months }, (_, k) => monthsBack(to, k))
  return { dueDay: reportDueDay(ctx.store), months: reportMonths(ctx, months) }
}

const isHandInRole = (role: string): role is HandInRole => (HANDIN_ROLES as readonly string[]).includes(role)

export function handIn(ctx: UserCtx, input: In<'department.report.handIn'>): Out<'department.report.handIn'> {
  const role = ctx.user.role
  if (!isHandInRole(role)) throw new AppError('FORBIDDEN', 'deptReport.notHandInRole')
  const [before] = reportMonths(ctx, [input.month])
  if (!before!.closed) throw new AppError('INVALID_STATE', 'deptReport.monthOpen', { month: input.month })
  const mine = before!.handIns.find((h) => h.role === role)!
  if (mine.handedInAt !== null) throw new AppError('CONFLICT', 'deptReport.alreadyHandedIn', { month: input.month, name: mine.userName ?? '', at: mine.handedInAt.slice(0, 16).replace('T', ' ') })
  const at = ctx.nowIso()
  run(ctx.store, ctx.store.db.insertInto('dept_report_handins').values({ month: input.month, role, user_id: ctx.user.id, handed_in_at: at, due_on: mine.dueOn, note: input.note }))
  const [after] = reportMonths(ctx, [input.month])
  const state = after!.handIns.find((h) => h.role === role)!.state
  const id = first(ctx.store, ctx.store.db.selectFrom('dept_report_handins').select('id').where('month', '=', input.month).where('role', '=', role))!.id
  ctx.audit({ action: 'department.report.handIn', entity: 'dept_report', entityId: id, detail: { month: input.month, role: `role.${role}`, dueOn: mine.dueOn, handInState: `handInState.${state}` } })
  ctx.events.emit({ type: 'department.changed', id: 0 })
  return after!
}

export function setReportDueDay(ctx: UserCtx, input: In<'department.report.dueDay.set'>): Out<'department.report.dueDay.set'> {
  const from = reportDueDay(ctx.store)
  writeSetting(ctx.store, DUE_DAY_KEY, input.day)
  ctx.audit({ action: 'department.report.dueDay.set', entity: 'settings', entityId: DUE_DAY_KEY, detail: { dueDayBefore: from, dueDayAfter: input.day } })
  ctx.events.emit({ type: 'department.changed', id: 0 })
  return { dueDay: input.day }
}
