// How big the wall display draws things: every status column shares the screen's height, so the
// fullest column decides the size of every card (one size for all, or the TV looks ragged).
import { BOARD_COLUMNS, type BoardColumn } from '../../../../shared/domain/workshop-board'

/** Fewer rows than this never make the cards larger: three cars do not fill a 55" screen with one plate. */
export const MIN_ROWS = 3
export const MIN_FONT_PX = 9
export const MAX_FONT_PX = 34
/** A typical card is about this many ems high (plate, model, a flag, two jobs, padding and gap). */
const CARD_EMS = 7.5
/** Share of the screen's height left for cards once the header and column titles are drawn. */
const CARD_SHARE = 0.84

export function wallRows(columns: readonly BoardColumn[]): number {
  const counts = new Map<BoardColumn, number>()
  for (const c of columns) counts.set(c, (counts.get(c) ?? 0) + 1)
  return Math.max(MIN_ROWS, ...BOARD_COLUMNS.map((c) => counts.get(c) ?? 0))
}

/**
 * The first guess of the wall's font size in pixels: the cards of the fullest column share the
 * height; the width of a column (1/7 of the screen) caps it so a plate always fits on its line.
 */
export function wallFontPx(rows: number, width: number, height: number): number {
  const byHeight = (height * CARD_SHARE) / (rows * CARD_EMS)
  const byWidth = width * 0.0115
  return Math.max(MIN_FONT_PX, Math.min(MAX_FONT_PX, byHeight, byWidth))
}

/**
 * Shrinks the type until no column overflows (cards vary: flags, a third job), so the TV never
 * hides a car below the edge. `overflows` measures the live layout at the size just set.
 */
export function fitFont(start: number, apply: (px: number) => void, overflows: () => boolean): number {
  let px = start
  apply(px)
  for (let i = 0; i < 24 && px > MIN_FONT_PX && overflows(); i++) {
    px = Math.max(MIN_FONT_PX, px * 0.93)
    apply(px)
  }
  return px
}
