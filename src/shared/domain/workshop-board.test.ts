import { describe, expect, it } from 'vitest'
import { boardColumn, cardFlags, isOverdue, minutesToPromise, BOARD_COLUMNS, BOARD_FLAGS, type JobFacts } from './workshop-board'
import type { JobState } from './workshop-job'
import { isMessageKey } from '../i18n'

const job = (state: JobState, pauseReason: JobFacts['pauseReason'] = null, reworkCount = 0): JobFacts => ({ state, pauseReason, reworkCount })
const now = Date.parse('2026-11-28T10:00:00+08:00')

describe('boardColumn', () => {
  it('puts an authorised order in the dispatch column', () => {
    expect(boardColumn({ roState: 'authorised', jobs: [job('pending')], pendingAdditional: 0 })).toBe('dispatch')
  })

  it('follows the RO state after repair', () => {
    expect(boardColumn({ roState: 'quality_check', jobs: [], pendingAdditional: 0 })).toBe('qc')
    expect(boardColumn({ roState: 'washing', jobs: [], pendingAdditional: 0 })).toBe('wash')
    expect(boardColumn({ roState: 'ready', jobs: [], pendingAdditional: 0 })).toBe('ready')
  })

  it.each([
    ['a running job', [job('running'), job('paused', 'parts')], 1, 'repair'],
    ['additional work waiting for the customer', [job('paused', 'parts'), job('proposed')], 1, 'approval'],
    ['a job paused for parts', [job('paused', 'parts'), job('done')], 0, 'parts'],
    ['only unassigned jobs left', [job('pending'), job('done')], 0, 'dispatch'],
    ['an assigned job not yet started', [job('dispatched'), job('pending')], 0, 'repair'],
    ['a job paused for a break', [job('paused', 'break')], 0, 'repair'],
    ['a job sent back as rework', [job('rework', null, 1)], 0, 'repair'],
  ] as const)('shows an order in repair with %s in its column', (_what, jobs, pending, column) => {
    expect(boardColumn({ roState: 'in_progress', jobs, pendingAdditional: pending })).toBe(column)
  })
})

describe('cardFlags', () => {
  it('flags waiting parts, approval, rework and lateness together', () => {
    const flags = cardFlags(
      { roState: 'in_progress', jobs: [job('paused', 'parts'), job('rework', null, 1)], pendingAdditional: 2, promisedAt: '2026-11-28T09:59:00+08:00' },
      now,
    )
    expect(flags).toEqual(['waiting_parts', 'awaiting_approval', 'rework', 'overdue'])
  })

  it('drops the rework flag once the reworked job is done again', () => {
    expect(cardFlags({ roState: 'in_progress', jobs: [job('done', null, 1)], pendingAdditional: 0, promisedAt: null }, now)).toEqual([])
  })

  it('never calls a car that is ready overdue', () => {
    expect(isOverdue('ready', '2026-11-28T08:00:00+08:00', now)).toBe(false)
    expect(isOverdue('washing', '2026-11-28T08:00:00+08:00', now)).toBe(true)
    expect(isOverdue('in_progress', null, now)).toBe(false)
  })
})

describe('minutesToPromise', () => {
  it('counts down to the promised time and below zero after it', () => {
    expect(minutesToPromise('2026-11-28T11:30:00+08:00', now)).toBe(90)
    expect(minutesToPromise('2026-11-28T09:59:30+08:00', now)).toBe(-1)
    expect(minutesToPromise(null, now)).toBeNull()
  })
})

describe('names', () => {
  it('exist in the catalogs for every column and flag', () => {
    for (const c of BOARD_COLUMNS) expect(isMessageKey(`boardColumn.${c}`)).toBe(true)
    for (const f of BOARD_FLAGS) expect(isMessageKey(`boardFlag.${f}`)).toBe(true)
  })
})
