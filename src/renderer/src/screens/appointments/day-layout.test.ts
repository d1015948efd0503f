import { describe, expect, it } from 'vitest'
import { layoutLanes } from './day-layout'

const at = (id: number, time: string, durationMin: number, advisorId = 1) => ({
  id,
  advisorId,
  startsAt: `2026-11-28T${time}:00+08:00`,
  durationMin,
})

describe('layoutLanes', () => {
  it('gives bookings that do not overlap the whole column', () => {
    const lanes = layoutLanes([at(1, '09:00', 60), at(2, '10:00', 30)])
    expect(lanes.get(1)).toEqual({ lane: 0, lanes: 1 })
    expect(lanes.get(2)).toEqual({ lane: 0, lanes: 1 })
  })

  it('puts overlapping bookings of one advisor side by side and reuses a lane once it is free', () => {
    const lanes = layoutLanes([at(1, '09:00', 120), at(2, '09:30', 30), at(3, '10:00', 30), at(4, '11:00', 30)])
    expect(lanes.get(1)).toEqual({ lane: 0, lanes: 2 })
    expect(lanes.get(2)).toEqual({ lane: 1, lanes: 2 })
    expect(lanes.get(3)).toEqual({ lane: 1, lanes: 2 })
    expect(lanes.get(4)).toEqual({ lane: 0, lanes: 1 })
  })

  it('keeps advisors apart', () => {
    const lanes = layoutLanes([at(1, '09:00', 60, 1), at(2, '09:00', 60, 2)])
    expect(lanes.get(1)).toEqual({ lane: 0, lanes: 1 })
    expect(lanes.get(2)).toEqual({ lane: 0, lanes: 1 })
  })
})
