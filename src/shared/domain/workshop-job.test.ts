import { describe, expect, it } from 'vitest'
import {
  allowedJobActions,
  holdsBay,
  isJobState,
  isOutstanding,
  JOB_ACTIONS,
  JOB_STATES,
  nextJobState,
  PAUSE_REASONS,
  type JobAction,
  type JobState,
} from './workshop-job'
import { isMessageKey } from '../i18n'

const LEGAL: readonly [JobState, JobAction, JobState][] = [
  ['proposed', 'approve', 'pending'],
  ['proposed', 'decline', 'declined'],
  ['pending', 'assign', 'dispatched'],
  ['dispatched', 'assign', 'dispatched'],
  ['dispatched', 'unassign', 'pending'],
  ['dispatched', 'clock_on', 'running'],
  ['running', 'pause', 'paused'],
  ['running', 'finish', 'done'],
  ['paused', 'assign', 'paused'],
  ['paused', 'clock_on', 'running'],
  ['paused', 'finish', 'done'],
  ['done', 'send_back', 'rework'],
  ['rework', 'assign', 'rework'],
  ['rework', 'clock_on', 'running'],
]

const isLegal = (state: JobState, action: JobAction) => LEGAL.some(([s, a]) => s === state && a === action)
const ILLEGAL = JOB_STATES.flatMap((s) => JOB_ACTIONS.filter((a) => !isLegal(s, a)).map((a) => [s, a] as const))

describe('nextJobState', () => {
  it.each(LEGAL)('moves a %s job on %s to %s', (from, action, to) => {
    expect(nextJobState(from, action)).toBe(to)
  })

  it('covers every state/action pair between the legal and illegal lists', () => {
    expect(LEGAL.length + ILLEGAL.length).toBe(JOB_STATES.length * JOB_ACTIONS.length)
  })

  it.each(ILLEGAL)('refuses a %s job on %s', (state, action) => {
    expect(nextJobState(state, action)).toBeNull()
  })

  it('never lets unapproved additional work be assigned or clocked', () => {
    expect(nextJobState('proposed', 'assign')).toBeNull()
    expect(nextJobState('proposed', 'clock_on')).toBeNull()
    expect(nextJobState('declined', 'clock_on')).toBeNull()
  })

  it('lists allowed actions in JOB_ACTIONS order', () => {
    expect(allowedJobActions('paused')).toEqual(['assign', 'clock_on', 'finish'])
    expect(allowedJobActions('declined')).toEqual([])
  })
})

describe('job facts', () => {
  it('keeps the bay for assigned, running, paused and rework jobs only', () => {
    expect(JOB_STATES.filter(holdsBay)).toEqual(['dispatched', 'running', 'paused', 'rework'])
  })

  it('counts everything but done and declined jobs as outstanding', () => {
    expect(JOB_STATES.filter((s) => !isOutstanding(s))).toEqual(['declined', 'done'])
  })

  it('recognises listed states only', () => {
    expect(JOB_STATES.every(isJobState)).toBe(true)
    expect(isJobState('finished')).toBe(false)
  })

  it('has a name in the catalogs for every state, action and pause reason', () => {
    for (const s of JOB_STATES) expect(isMessageKey(`jobState.${s}`)).toBe(true)
    for (const a of JOB_ACTIONS) expect(isMessageKey(`jobAction.${a}`)).toBe(true)
    for (const r of PAUSE_REASONS) expect(isMessageKey(`pauseReason.${r}`)).toBe(true)
  })
})
