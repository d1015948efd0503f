// How big the wall display draws things: every status column shares the screen's height, so the
// fullest column decides the size of every card (one size for all, or the TV looks ragged).
import { BOARD_COLUMNS, type BoardColumn } from '../../../../shared/domain/workshop-board'

/** Fewer rows than this never make the cards larger: three cars do not fill a 55" screen with one plate. */
export const MIN_ROWS = 3

export function wallRows(columns: readonly BoardColumn[]): number {
  const counts = new Map<BoardColumn, number>()
  for (const c of columns) counts.set(c, (counts.get(c) ?? 0) + 1)
  return Math.max(MIN_ROWS, ...BOARD_COLUMNS.map((c) => counts.get(c) ?? 0))
}

/**
 * The CSS font size of the wall: a card is about 6 lines of its own text high, and the cards of
 * the fullest column share 86 % of the height; the width of a column (1/7 of the screen) caps it.
 */
export function wallFontSize(rows: number): string {
  return `clamp(9px, min(1.15vw, calc(86vh / ${rows * 6})), 34px)`
}
