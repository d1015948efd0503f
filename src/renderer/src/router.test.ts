import { describe, expect, it } from 'vitest'
import { hrefOf, parseRoute, type Route } from './router'

describe('hash routes', () => {
  const routes: Route[] = [
    { name: 'reception' },
    { name: 'reception', vehicleId: 12 },
    { name: 'reception', register: true },
    { name: 'reception', register: true, ownerId: 4 },
    { name: 'checkIn', vehicleId: 12 },
    { name: 'checkIn', vehicleId: 12, appointmentId: 3 },
    { name: 'ro', id: 5 },
    { name: 'roPrint', id: 5 },
    { name: 'roList', all: false },
    { name: 'roList', all: true },
    { name: 'appointments' },
    { name: 'appointments', date: '2026-11-28' },
    { name: 'workshop' },
    { name: 'workshop', tab: 'clock' },
    { name: 'workshopRo', id: 8 },
    { name: 'jobCard', id: 8 },
    { name: 'wall', token: 'abc-DEF_12+/=' },
  ]

  it('reads back every route it writes', () => {
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route)
  })

  it('opens the workshop board for an unknown workshop tab or path', () => {
    expect(parseRoute('#/workshop?tab=nowhere')).toEqual({ name: 'workshop' })
    expect(parseRoute('#/workshop/ro/x')).toEqual({ name: 'workshop' })
  })

  it('falls back to the reception desk for anything it does not know', () => {
    expect(parseRoute('#/nowhere/9')).toEqual({ name: 'reception' })
    expect(parseRoute('#/check-in/abc')).toEqual({ name: 'reception' })
    expect(parseRoute('')).toEqual({ name: 'reception' })
  })
})
