import type { Ctx } from '../api/context'
import { parseIso, toLocalIso } from '../../shared/domain/time'

/**
 * A date-time from a client, stored as local text in the dealership's zone whatever offset it
 * was sent with, so stored times sort and compare as text.
 */
export function toLocal(ctx: Ctx, iso: string): string {
  return toLocalIso(parseIso(iso), ctx.timeZone)
}

export function localOrNull(ctx: Ctx, iso: string | null | undefined): string | null {
  return iso === null || iso === undefined ? null : toLocal(ctx, iso)
}
