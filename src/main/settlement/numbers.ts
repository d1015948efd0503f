import { z } from 'zod'
import type { Ctx } from '../api/context'
import type { Store } from '../store/open'
import { zonedParts } from '../../shared/domain/time'
import { DEFAULT_DISCOUNT_CAP_BP } from '../../shared/domain/settlement'

/**
 * The next document number of the current local year (`INV2026000123`, `GP2026000007`). The
 * counter lives in `sequences` (name `<prefix>:<year>`) and is bumped inside the caller's write
 * transaction, so a rolled-back settlement does not use a number up.
 */
export function nextNumber(ctx: Ctx, prefix: 'INV' | 'GP'): string {
  const year = zonedParts(ctx.clock.now(), ctx.timeZone).year
  const row = ctx.store
    .prepare(`INSERT INTO sequences (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value`)
    .get(`${prefix.toLowerCase()}:${year}`) as { value: number }
  return `${prefix}${year}${String(row.value).padStart(6, '0')}`
}

const CapSchema = z.number().int().min(0).max(10_000)

/** The discount share a cashier may give without `settlement.discount.large` (setting `settlement.discountCapBp`). */
export function discountCapBp(store: Store): number {
  const row = store.prepare(`SELECT value FROM settings WHERE key = 'settlement.discountCapBp'`).get() as { value: string } | undefined
  if (!row) return DEFAULT_DISCOUNT_CAP_BP
  try {
    const parsed = CapSchema.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : DEFAULT_DISCOUNT_CAP_BP
  } catch {
    return DEFAULT_DISCOUNT_CAP_BP
  }
}

/** Fen as the catalog messages show them: `1234.50`. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const m = Math.abs(fen)
  return `${sign}${Math.floor(m / 100)}.${String(m % 100).padStart(2, '0')}`
}
