// The board's arrangement as pure functions of the host's board: filters, status columns,
// technician and bay lanes, what may be dispatched, and keyboard movement between cards.
import { BOARD_COLUMNS, type BoardColumn } from '../../../../shared/domain/workshop-board'
import { holdsBay, nextJobState } from '../../../../shared/domain/workshop-job'
import type { BoardCardT, BoardFilter, BoardT, JobT } from '../../stores/workshop-store'

export function applyFilter(cards: readonly BoardCardT[], filter: BoardFilter): BoardCardT[] {
  return cards.filter(
    (c) =>
      (filter.advisorId === undefined || c.advisorId === filter.advisorId) &&
      (filter.type === undefined || c.type === filter.type) &&
      (filter.bayId === undefined || c.jobs.some((j) => j.bayId === filter.bayId)),
  )
}

export function columnsOf(cards: readonly BoardCardT[]): { column: BoardColumn; cards: BoardCardT[] }[] {
  return BOARD_COLUMNS.map((column) => ({ column, cards: cards.filter((c) => c.column === column) }))
}

/** A job the supervisor may (re)assign: it has its RO line and the job state machine allows `assign`. */
export function isDispatchable(job: JobT): boolean {
  return job.lineId !== null && nextJobState(job.state, 'assign') !== null
}

/** What pressing D on a card dispatches: the jobs no one has yet, else every job that may be reassigned. */
export function defaultLineIds(card: BoardCardT): number[] {
  const open = card.jobs.filter(isDispatchable)
  const unassigned = open.filter((j) => j.technicianId === null)
  return (unassigned.length > 0 ? unassigned : open).map((j) => j.lineId as number)
}

/** The bay the car stands in (a job holding one), if any. */
export function currentBayOf(card: BoardCardT): number | null {
  return card.jobs.find((j) => j.bayId !== null && holdsBay(j.state))?.bayId ?? null
}

export interface Lane {
  /** `tech-<id>`, `bay-<id>` or `unassigned`. */
  key: string
  title: string
  technicianId?: number
  bayId?: number
  /** Each card shows only the jobs that belong in this lane. */
  cards: BoardCardT[]
}

const withJobs = (card: BoardCardT, keep: (j: JobT) => boolean): BoardCardT | null => {
  const jobs = card.jobs.filter(keep)
  return jobs.length > 0 ? { ...card, jobs } : null
}

const present = <T>(x: T | null): x is T => x !== null

/** One lane per technician with the jobs they hold, after a lane of jobs no one holds yet. */
export function technicianLanes(board: BoardT, cards: readonly BoardCardT[], unassignedTitle: string): Lane[] {
  const unassigned: Lane = {
    key: 'unassigned',
    title: unassignedTitle,
    cards: cards.map((c) => withJobs(c, (j) => j.technicianId === null && j.state !== 'proposed')).filter(present),
  }
  const lanes = board.technicians.map(
    (t): Lane => ({
      key: `tech-${t.id}`,
      title: t.name,
      technicianId: t.id,
      cards: cards.map((c) => withJobs(c, (j) => j.technicianId === t.id && j.state !== 'done')).filter(present),
    }),
  )
  return [unassigned, ...lanes]
}

/** One lane per bay with the car standing in it; cars without a bay first. */
export function bayLanes(board: BoardT, cards: readonly BoardCardT[], noBayTitle: string): Lane[] {
  const noBay: Lane = {
    key: 'no-bay',
    title: noBayTitle,
    cards: cards.filter((c) => currentBayOf(c) === null && (c.column === 'dispatch' || c.column === 'repair' || c.column === 'parts' || c.column === 'approval')),
  }
  const lanes = board.bays.map(
    (b): Lane => ({ key: `bay-${b.id}`, title: `${b.code} ${b.name}`, bayId: b.id, cards: cards.filter((c) => currentBayOf(c) === b.id) }),
  )
  return [noBay, ...lanes]
}

export interface GridPos {
  col: number
  row: number
}

/**
 * Where an arrow key moves the selection on a board of columns: up and down within a column,
 * left and right to the nearest row of the next column that has cards (empty ones are skipped).
 */
export function moveInGrid(sizes: readonly number[], from: GridPos, key: string): GridPos | null {
  const size = sizes[from.col] ?? 0
  switch (key) {
    case 'ArrowUp':
      return from.row > 0 ? { col: from.col, row: from.row - 1 } : null
    case 'ArrowDown':
      return from.row < size - 1 ? { col: from.col, row: from.row + 1 } : null
    case 'ArrowLeft':
    case 'ArrowRight': {
      const step = key === 'ArrowLeft' ? -1 : 1
      for (let col = from.col + step; col >= 0 && col < sizes.length; col += step) {
        const n = sizes[col] ?? 0
        if (n > 0) return { col, row: Math.min(from.row, n - 1) }
      }
      return null
    }
    default:
      return null
  }
}
