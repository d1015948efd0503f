import { describe, expect, it } from 'vitest'
import { boardColumn, cardFlags, isOverdue, minutesToPromise, BOARD_COLUMN_RULES, BOARD_COLUMNS, BOARD_FLAGS, BOARD_RO_STATES, type JobFacts } from './workshop-board'
import { JOB_STATES, type JobState } from './workshop-job'
import { isMessageKey } from '../i18n'

const job = (state: JobState, pauseReason: JobFacts['pauseReason'] = null, reworkCount = 0): JobFacts => ({ state, pauseReason, reworkCount })
const now = Date.parse('2026-11-28T10:00:00+08:00')

describe('boardColumn', () => {
  // Every RO state the board shows, and during repair every sub-condition alone and in the
  // combinations that used to split two cars in the same situation across columns.
  it.each([
    ['authorised', 'with nothing assigned', [job('pending')], 0, 'dispatch'],
    ['authorised', 'with no jobs', [], 0, 'dispatch'],
    ['quality_check', 'with its jobs done', [job('done')], 0, 'qc'],
    ['quality_check', 'with additional work raised', [job('done'), job('proposed')], 1, 'qc'],
    ['washing', 'with its jobs done', [job('done')], 0, 'wash'],
    ['ready', 'with its jobs done', [job('done')], 0, 'ready'],
    ['in_progress', 'with a running job', [job('running')], 0, 'repair'],
    ['in_progress', 'with an assigned job not yet started', [job('dispatched'), job('pending')], 0, 'repair'],
    ['in_progress', 'with a job paused for a break', [job('paused', 'break')], 0, 'repair'],
    ['in_progress', 'with a job paused for another job', [job('paused', 'other_job')], 0, 'repair'],
    ['in_progress', 'with a job sent back as rework', [job('rework', null, 1)], 0, 'repair'],
    ['in_progress', 'with every job done, not yet sent to QC', [job('done'), job('done')], 0, 'repair'],
    ['in_progress', 'with no jobs', [], 0, 'repair'],
    ['in_progress', 'with only unassigned jobs left', [job('pending'), job('done')], 0, 'dispatch'],
    ['in_progress', 'with a job paused for parts', [job('paused', 'parts'), job('done')], 0, 'parts'],
    ['in_progress', 'with a job paused for parts beside a running one', [job('running'), job('paused', 'parts')], 0, 'parts'],
    ['in_progress', 'with additional work to decide and nobody working', [job('done'), job('proposed')], 1, 'approval'],
    ['in_progress', 'with additional work to decide beside a running job', [job('running'), job('proposed')], 1, 'approval'],
    ['in_progress', 'with additional work to decide and a job paused for parts', [job('paused', 'parts'), job('proposed')], 1, 'approval'],
    ['in_progress', 'with additional work to decide and nothing assigned', [job('pending'), job('proposed')], 1, 'approval'],
  ] as const)('files an order in state %s %s under the %s column', (roState, _what, jobs, pending, column) => {
    expect(boardColumn({ roState, jobs, pendingAdditional: pending })).toBe(column)
  })

  it('covers every RO state the board shows', () => {
    const states = new Set(BOARD_RO_STATES.map((roState) => boardColumn({ roState, jobs: [], pendingAdditional: 0 })))
    expect([...states].sort()).toEqual(['dispatch', 'qc', 'ready', 'repair', 'wash'])
  })

  it('files every order in repair with additional work to decide in one column, whatever its jobs are doing', () => {
    const states = JOB_STATES.filter((s) => s !== 'declined')
    const seen = new Set<string>()
    for (const a of states) {
      for (const b of states) {
        for (const reason of [null, 'parts', 'break'] as const) {
          const jobs = [job(a, a === 'paused' ? reason : null), job(b), job('proposed')]
          seen.add(boardColumn({ roState: 'in_progress', jobs, pendingAdditional: 1 }))
        }
      }
    }
    expect([...seen]).toEqual(['approval'])
  })

  it('files every order in repair with a job waiting for parts in one column, whatever its other jobs are doing', () => {
    const seen = new Set(
      JOB_STATES.filter((s) => s !== 'declined' && s !== 'proposed').map((other) =>
        boardColumn({ roState: 'in_progress', jobs: [job(other), job('paused', 'parts')], pendingAdditional: 0 }),
      ),
    )
    expect([...seen]).toEqual(['parts'])
  })

  it('ends its rule table with a row that always holds, so every order has a column', () => {
    expect(BOARD_COLUMN_RULES.at(-1)!.holds({ roState: 'in_progress', jobs: [], pendingAdditional: 0 })).toBe(true)
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
