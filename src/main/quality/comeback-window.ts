import { z } from 'zod'
import type { UserCtx } from '../api/context'
import type { Store } from '../store/open'
import { COMEBACK_DAYS, COMEBACK_DAYS_MAX } from '../../shared/domain/quality'
import { readSetting, writeSetting } from '../settings/settings'
import type { z as Z } from 'zod'
import type { qualityContract } from '../../shared/contract/quality'

// The comeback window (返修判定天数): a vehicle back within N days of an earlier RO's completion
// for the same labour operation is a repeat visit. N is the technical supervisor's setting (the
// manager's too), default COMEBACK_DAYS; the proposals, the register and the monthly report read it.

type Section = typeof qualityContract
type QIn<K extends keyof Section> = Z.output<Section[K]['input']>
type QOut<K extends keyof Section> = Z.output<Section[K]['output']>

const KEY = 'quality.comebackDays'
const Days = z.number().int().min(1).max(COMEBACK_DAYS_MAX)

export function comebackDays(store: Store): number {
  return readSetting(store, KEY, Days, COMEBACK_DAYS)
}

export function comebackWindow(ctx: Pick<UserCtx, 'store'>): QOut<'quality.comebackDays'> {
  return { days: comebackDays(ctx.store), defaultDays: COMEBACK_DAYS }
}

export function setComebackDays(ctx: UserCtx, input: QIn<'quality.comebackDays.set'>): QOut<'quality.comebackDays.set'> {
  const before = comebackDays(ctx.store)
  writeSetting(ctx.store, KEY, input.days)
  ctx.audit({ action: 'quality.comebackDays.set', entity: 'settings', entityId: KEY, detail: { comebackDaysBefore: before, comebackDaysAfter: input.days } })
  ctx.events.emit({ type: 'department.changed', id: 0 })
  return comebackWindow(ctx)
}
