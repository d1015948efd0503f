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
    { name: 'settlement' },
    { name: 'settlement', tab: 'settled' },
    { name: 'settlement', tab: 'receivables' },
    { name: 'settleRo', id: 21 },
    { name: 'statement', id: 21 },
    { name: 'gatePass', id: 21 },
    { name: 'settlement', tab: 'insurers' },
    { name: 'insurerCollectionPrint' },
    { name: 'insurerCollectionPrint', asOf: '2026-11-30' },
    { name: 'alerts' },
    { name: 'alerts', tab: 'rules' },
    { name: 'dashboard' },
    { name: 'dataAdmin' },
    { name: 'audit' },
    { name: 'audit', tab: 'logins' },
    { name: 'parts', view: { kind: 'tab', tab: 'counter' } },
    { name: 'parts', view: { kind: 'pick', roId: 12 } },
    { name: 'parts', view: { kind: 'stocktakePrint', id: 3, sheet: 'variance' } },
  ]

  it('reads back every route it writes', () => {
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route)
  })

  it('opens the workshop board for an unknown workshop tab or path', () => {
    expect(parseRoute('#/workshop?tab=nowhere')).toEqual({ name: 'workshop' })
    expect(parseRoute('#/workshop/ro/x')).toEqual({ name: 'workshop' })
  })

  it('opens the ready queue for an unknown settlement tab and the inbox for an unknown alerts tab', () => {
    expect(parseRoute('#/settlement?tab=ready')).toEqual({ name: 'settlement' })
    expect(parseRoute('#/settlement?tab=x')).toEqual({ name: 'settlement' })
    expect(parseRoute('#/settlement/ro/0')).toEqual({ name: 'settlement' })
    expect(parseRoute('#/alerts?tab=inbox')).toEqual({ name: 'alerts' })
    expect(parseRoute('#/audit?tab=log')).toEqual({ name: 'audit' })
    expect(parseRoute('#/audit?tab=x')).toEqual({ name: 'audit' })
  })

  it('falls back to the reception desk for anything it does not know', () => {
    expect(parseRoute('#/nowhere/9')).toEqual({ name: 'reception' })
    expect(parseRoute('#/check-in/abc')).toEqual({ name: 'reception' })
    expect(parseRoute('')).toEqual({ name: 'reception' })
  })
})
