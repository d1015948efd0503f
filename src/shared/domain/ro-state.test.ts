import { describe, it, expect } from 'vitest'
import {
  allowedActions,
  canEditLines,
  isFinal,
  isOpen,
  isRoAction,
  isRoState,
  nextState,
  RO_ACTIONS,
  RO_STATES,
  type RoAction,
  type RoState,
} from './ro-state'
import { isMessageKey } from '../i18n'

const LEGAL: readonly [RoState, RoAction, RoState][] = [
  ['estimate', 'authorise', 'authorised'],
  ['estimate', 'cancel', 'cancelled'],
  ['authorised', 'revise', 'estimate'],
  ['authorised', 'start_work', 'in_progress'],
  ['authorised', 'cancel', 'cancelled'],
  ['in_progress', 'submit_qc', 'quality_check'],
  ['quality_check', 'qc_pass', 'ready'],
  ['quality_check', 'qc_fail', 'in_progress'],
  ['quality_check', 'qc_pass_wash', 'washing'],
  ['washing', 'wash_done', 'ready'],
  ['ready', 'settle', 'settled'],
  ['settled', 'deliver', 'delivered'],
]

function isLegal(state: RoState, action: RoAction): boolean {
  return LEGAL.some(([from, a]) => from === state && a === action)
}

describe('nextState', () => {
  it.each(LEGAL)('moves from %s on %s to %s', (from, action, to) => {
    expect(nextState(from, action)).toBe(to)
  })

  const illegal = RO_STATES.flatMap((state) => RO_ACTIONS.filter((action) => !isLegal(state, action)).map((action) => [state, action] as const))

  it('covers every state/action pair between the legal and illegal lists', () => {
    expect(LEGAL.length + illegal.length).toBe(RO_STATES.length * RO_ACTIONS.length)
  })

  it.each(illegal)('refuses %s on %s', (state, action) => {
    expect(nextState(state, action)).toBeNull()
  })

  it('reaches delivery along the happy path, with one failed quality check', () => {
    const path: RoAction[] = ['authorise', 'start_work', 'submit_qc', 'qc_fail', 'submit_qc', 'qc_pass', 'settle', 'deliver']
    let state: RoState | null = 'estimate'
    for (const action of path) state = state && nextState(state, action)
    expect(state).toBe('delivered')
  })

  it('reaches delivery through the optional wash', () => {
    const path: RoAction[] = ['authorise', 'start_work', 'submit_qc', 'qc_pass_wash', 'wash_done', 'settle', 'deliver']
    let state: RoState | null = 'estimate'
    for (const action of path) state = state && nextState(state, action)
    expect(state).toBe('delivered')
  })
})

describe('allowedActions', () => {
  it.each(RO_STATES)('lists exactly the legal actions of %s', (state) => {
    const expected = LEGAL.filter(([from]) => from === state).map(([, action]) => action)
    expect([...allowedActions(state)].sort()).toEqual([...expected].sort())
  })

  it('lists actions in RO_ACTIONS order', () => {
    expect(allowedActions('authorised')).toEqual(['revise', 'start_work', 'cancel'])
  })
})

describe('canEditLines', () => {
  it('allows editing lines only before work starts', () => {
    const editable = RO_STATES.filter(canEditLines)
    expect(editable).toEqual(['estimate', 'authorised'])
  })

  it('offers revise wherever editing would invalidate an authorisation', () => {
    for (const state of RO_STATES.filter(canEditLines)) {
      expect(state === 'estimate' || nextState(state, 'revise') === 'estimate').toBe(true)
    }
  })
})

describe('isOpen', () => {
  it('is true until the order is settled or cancelled', () => {
    expect(RO_STATES.filter(isOpen)).toEqual(['estimate', 'authorised', 'in_progress', 'quality_check', 'washing', 'ready'])
  })
})

describe('isFinal', () => {
  it('is true only for delivered and cancelled orders', () => {
    expect(RO_STATES.filter(isFinal)).toEqual(['delivered', 'cancelled'])
  })
})

describe('type guards', () => {
  it('recognise listed states and actions only', () => {
    expect(RO_STATES.every(isRoState)).toBe(true)
    expect(RO_ACTIONS.every(isRoAction)).toBe(true)
    expect(isRoState('closed')).toBe(false)
    expect(isRoAction('reopen')).toBe(false)
    expect(isRoState(null)).toBe(false)
  })
})

describe('names', () => {
  it('exist in the translation catalogs for every state and action', () => {
    for (const state of RO_STATES) expect(isMessageKey(`roState.${state}`)).toBe(true)
    for (const action of RO_ACTIONS) expect(isMessageKey(`roAction.${action}`)).toBe(true)
  })
})
