import { describe, expect, it } from 'vitest'
import { failedGates, gateHolds, GATES_OF, RO_GATES, WAIVABLE, type RoGate, type RoGateFacts } from './ro-gates'
import { RO_ACTIONS, RO_TRANSITIONS, type RoAction } from './ro-state'
import { isMessageKey } from '../i18n'

// One row per gate: a state of the facts in which it fails and one in which it holds, starting
// from an RO where everything is in order.

const clear: RoGateFacts = {
  lines: 3,
  openJobs: 0,
  runningClocks: 0,
  additionalAwaiting: 0,
  outstandingParts: [],
  issuedPartsMilli: 0,
  customerBalanceFen: 0,
}
const pads = { partId: 7, partNumber: '5Q0-698-151-D', name: '前刹车片', requestedMilli: 4_000, issuedMilli: 0 }

const TABLE: readonly { gate: RoGate; fails: Partial<RoGateFacts>; holds: Partial<RoGateFacts>; actions: RoAction[] }[] = [
  { gate: 'hasLines', fails: { lines: 0 }, holds: { lines: 1 }, actions: ['authorise'] },
  { gate: 'jobsFinished', fails: { openJobs: 1 }, holds: { openJobs: 0 }, actions: ['submit_qc', 'qc_pass', 'qc_pass_wash', 'settle'] },
  { gate: 'noClockRunning', fails: { runningClocks: 1 }, holds: { runningClocks: 0 }, actions: ['submit_qc', 'qc_pass', 'qc_pass_wash', 'cancel'] },
  { gate: 'noAdditionalAwaiting', fails: { additionalAwaiting: 2 }, holds: { additionalAwaiting: 0 }, actions: ['submit_qc', 'qc_pass', 'qc_pass_wash', 'settle'] },
  { gate: 'partsIssued', fails: { outstandingParts: [pads] }, holds: { outstandingParts: [] }, actions: ['settle'] },
  { gate: 'noPartsOnRo', fails: { issuedPartsMilli: 1_000 }, holds: { issuedPartsMilli: 0 }, actions: ['cancel'] },
  { gate: 'customerPaid', fails: { customerBalanceFen: 1 }, holds: { customerBalanceFen: 0 }, actions: ['deliver'] },
]

describe('the gates of the RO state machine', () => {
  it.each(TABLE)('$gate refuses its actions when its condition fails and allows them when it holds', ({ gate, fails, holds, actions }) => {
    expect(gateHolds(gate, { ...clear, ...fails })).toBe(false)
    expect(gateHolds(gate, { ...clear, ...holds })).toBe(true)
    for (const action of actions) {
      expect(failedGates(action, { ...clear, ...fails })).toEqual([gate])
      expect(failedGates(action, { ...clear, ...holds })).toEqual([])
    }
    // The actions listed are exactly the ones the gate guards.
    expect(RO_ACTIONS.filter((a) => GATES_OF[a].includes(gate))).toEqual(actions)
  })

  it('covers every gate in the table, each with a message in both catalogs', () => {
    expect(TABLE.map((r) => r.gate).sort()).toEqual([...RO_GATES].sort())
    for (const gate of RO_GATES) expect(isMessageKey(`roGate.${gate}`)).toBe(true)
  })

  it('reports every failing gate of an action, in the declared order', () => {
    const facts = { ...clear, openJobs: 1, additionalAwaiting: 1, outstandingParts: [pads] }
    expect(failedGates('settle', facts)).toEqual(['jobsFinished', 'noAdditionalAwaiting', 'partsIssued'])
  })

  it('lets nothing but unissued parts at settlement and an unpaid customer at delivery be waived', () => {
    expect(WAIVABLE).toEqual({ partsIssued: 'settlement.partsOverride', customerPaid: 'settlement.credit' })
  })

  it('declares gates only for actions the transition table uses', () => {
    const used = new Set(Object.values(RO_TRANSITIONS).flatMap((t) => Object.keys(t)))
    for (const action of RO_ACTIONS) if (GATES_OF[action].length > 0) expect(used.has(action)).toBe(true)
  })
})
