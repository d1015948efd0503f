import { describe, expect, it } from 'vitest'
import type { BoardCardT, BoardT, JobT } from '../../stores/workshop-store'
import { applyFilter, bayLanes, columnsOf, currentBayOf, defaultLineIds, isDispatchable, moveInGrid, technicianLanes } from './board-model'

const job = (over: Partial<JobT>): JobT => ({
  id: 1,
  roId: 1,
  lineId: 10,
  description: '更换机油机滤',
  skill: null,
  state: 'pending',
  pauseReason: null,
  technicianId: null,
  technicianName: null,
  bayId: null,
  bayCode: null,
  soldHoursMilli: 1000,
  clockedMs: 0,
  runningSince: null,
  reworkCount: 0,
  additional: false,
  version: 1,
  ...over,
})

const card = (roId: number, over: Partial<BoardCardT> = {}): BoardCardT => ({
  roId,
  number: `RO2026${String(roId).padStart(6, '0')}`,
  type: 'maintenance',
  roState: 'in_progress',
  roVersion: 1,
  plate: `粤A${roId}`,
  model: '朗逸',
  advisorId: 1,
  advisorName: '王芳',
  openedAt: '2026-11-28T08:00:00+08:00',
  promisedAt: null,
  minutesToPromise: null,
  column: 'repair',
  flags: [],
  pendingAdditional: 0,
  jobs: [],
  ...over,
})

const board = (cards: BoardCardT[]): BoardT => ({
  at: '2026-11-28T10:00:00+08:00',
  cards,
  technicians: [
    { id: 7, name: '赵磊', active: true, skills: [], allowParallel: false, openJobs: 1, runningJobIds: [] },
    { id: 8, name: '孙强', active: true, skills: [], allowParallel: false, openJobs: 0, runningJobIds: [] },
  ],
  bays: [{ id: 3, code: 'L01', name: '工位1', kind: 'lift', active: true, occupiedBy: null }],
})

describe('the board model', () => {
  it('dispatches only jobs with an RO line that the job state machine lets be assigned', () => {
    expect(isDispatchable(job({ state: 'pending' }))).toBe(true)
    expect(isDispatchable(job({ state: 'paused', technicianId: 7 }))).toBe(true)
    expect(isDispatchable(job({ state: 'running', technicianId: 7 }))).toBe(false)
    expect(isDispatchable(job({ state: 'done' }))).toBe(false)
    // Additional work waiting for the customer has no RO line yet.
    expect(isDispatchable(job({ state: 'proposed', lineId: null }))).toBe(false)
  })

  it('offers the unassigned jobs of a card first, else every job that may be reassigned', () => {
    const mixed = card(1, { jobs: [job({ lineId: 10, state: 'dispatched', technicianId: 7 }), job({ lineId: 11 })] })
    expect(defaultLineIds(mixed)).toEqual([11])
    const assigned = card(2, { jobs: [job({ lineId: 12, state: 'dispatched', technicianId: 7 }), job({ lineId: 13, state: 'done' })] })
    expect(defaultLineIds(assigned)).toEqual([12])
  })

  it('filters by advisor, type and the bay a job holds', () => {
    const cards = [
      card(1, { advisorId: 1, type: 'maintenance', jobs: [job({ bayId: 3, state: 'dispatched' })] }),
      card(2, { advisorId: 2, type: 'repair' }),
    ]
    expect(applyFilter(cards, { advisorId: 2 }).map((c) => c.roId)).toEqual([2])
    expect(applyFilter(cards, { type: 'maintenance' }).map((c) => c.roId)).toEqual([1])
    expect(applyFilter(cards, { bayId: 3 }).map((c) => c.roId)).toEqual([1])
    expect(applyFilter(cards, {}).map((c) => c.roId)).toEqual([1, 2])
  })

  it('lays the cards out in the seven status columns in shop order', () => {
    const columns = columnsOf([card(1, { column: 'ready' }), card(2, { column: 'dispatch' })])
    expect(columns.map((c) => c.column)).toEqual(['dispatch', 'repair', 'parts', 'approval', 'qc', 'wash', 'ready'])
    expect(columns[0]!.cards.map((c) => c.roId)).toEqual([2])
  })

  it('splits a card over technician lanes, each showing only its own jobs', () => {
    const c = card(1, {
      jobs: [job({ id: 1, lineId: 10, technicianId: 7, state: 'running' }), job({ id: 2, lineId: 11 }), job({ id: 3, lineId: null, state: 'proposed' })],
    })
    const lanes = technicianLanes(board([c]), [c], '待派工')
    expect(lanes.map((l) => [l.key, l.cards.map((x) => x.jobs.map((j) => j.id))])).toEqual([
      ['unassigned', [[2]]],
      ['tech-7', [[1]]],
      ['tech-8', []],
    ])
  })

  it('puts a car in the lane of the bay it stands in', () => {
    const inBay = card(1, { jobs: [job({ bayId: 3, state: 'paused', technicianId: 7 })] })
    const waiting = card(2, { column: 'dispatch', jobs: [job({})] })
    expect(currentBayOf(inBay)).toBe(3)
    const lanes = bayLanes(board([inBay, waiting]), [inBay, waiting], '未进工位')
    expect(lanes.map((l) => [l.key, l.cards.map((x) => x.roId)])).toEqual([
      ['no-bay', [2]],
      ['bay-3', [1]],
    ])
  })

  it('moves the selection with the arrow keys, skipping empty columns', () => {
    const sizes = [2, 0, 3]
    expect(moveInGrid(sizes, { col: 0, row: 0 }, 'ArrowDown')).toEqual({ col: 0, row: 1 })
    expect(moveInGrid(sizes, { col: 0, row: 1 }, 'ArrowDown')).toBeNull()
    expect(moveInGrid(sizes, { col: 0, row: 1 }, 'ArrowRight')).toEqual({ col: 2, row: 1 })
    expect(moveInGrid(sizes, { col: 2, row: 2 }, 'ArrowLeft')).toEqual({ col: 0, row: 1 })
    expect(moveInGrid(sizes, { col: 0, row: 0 }, 'ArrowLeft')).toBeNull()
    expect(moveInGrid(sizes, { col: 0, row: 0 }, 'ArrowUp')).toBeNull()
    expect(moveInGrid(sizes, { col: 0, row: 0 }, 'Enter')).toBeNull()
  })
})
