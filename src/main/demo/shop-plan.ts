import type { RoType } from '../../shared/domain/ro-type'
import type { Job } from './order-lines'

// Today's workshop (车间) as the supervisor finds it: a handful of cars in every state the board
// knows, listed in the order they came in (the earlier a car arrived, the further along it is).
// A few came in on earlier days: the body-shop job in its second day, a car waiting for a part
// since yesterday, a car finished yesterday that the owner has not collected yet, an accident car
// finished two days ago that waited for the insurer’s assessment.

export type ShopStage =
  | 'authorised' // waiting for dispatch
  | 'dispatched' // given to technicians, nobody clocked on yet
  | 'running' // a technician is working on it
  | 'running_extra' // working, and additional work found and approved on the phone
  | 'paused' // the technician is on a break
  | 'parts' // paused: a part is missing (bought outside, waiting for its check)
  | 'approval' // work done, additional work waiting for the customer's decision
  | 'rework' // failed the final inspection, the job is being redone
  | 'quality_check' // waiting for the final inspection
  | 'washing' // passed, in the wash
  | 'ready' // ready for delivery

export interface ShopSpec {
  stage: ShopStage
  /** Check-in day: 0 today, -1 yesterday… */
  day: number
  type?: RoType
  jobs?: readonly Job[]
  /** Promised time in minutes from now: negative ones show as overdue on the board. */
  promiseIn: number
  /** A promise on an earlier day instead: [day, minute of the day]. */
  promisedOn?: readonly [number, number]
  wash?: boolean
  /** What the technician found (additional work), with its labour and part. */
  extra?: { finding: string; job: Job }
}

const BASE: readonly ShopSpec[] = [
  // A body-shop job finished two days ago, waiting for the insurer's assessor (done this morning);
  // listed first so the body and paint technicians finish it before the next accident car.
  {
    stage: 'ready',
    day: -2,
    type: 'insurance',
    jobs: [{ op: 'BJ003', parts: [['front_bumper', 1000]] }, { op: 'BJ002' }],
    promiseIn: 60,
  },
  {
    stage: 'running',
    day: -2,
    type: 'insurance',
    jobs: [{ op: 'BJ003', parts: [['front_bumper', 1000]] }, { op: 'BJ002' }],
    promiseIn: 330,
  },
  { stage: 'ready', day: -1, type: 'maintenance', promiseIn: 0, promisedOn: [-1, 17 * 60 + 30] },
  {
    stage: 'parts',
    day: -1,
    type: 'repair',
    jobs: [{ op: 'XG004', parts: [['stab_link', 2000]] }, { op: 'XG001', parts: [['front_shock', 1000]] }],
    promiseIn: -45,
  },
  { stage: 'ready', day: 0, type: 'maintenance', wash: true, promiseIn: 25 },
  { stage: 'washing', day: 0, type: 'maintenance', promiseIn: 35 },
  {
    stage: 'rework',
    day: 0,
    type: 'repair',
    jobs: [{ op: 'ZD001', parts: [['front_pads', 1000]] }, { op: 'DQ002' }],
    promiseIn: -20,
  },
  { stage: 'quality_check', day: 0, type: 'warranty', promiseIn: 50 },
  {
    stage: 'approval',
    day: 0,
    type: 'maintenance',
    promiseIn: 95,
    extra: { finding: '前刹车片磨损至2毫米，建议更换前刹车片', job: { op: 'ZD001', parts: [['front_pads', 1000]] } },
  },
  {
    stage: 'running_extra',
    day: 0,
    type: 'maintenance',
    promiseIn: 120,
    extra: { finding: '右前稳定杆连杆球头松旷，过坑有异响，建议更换', job: { op: 'XG004', parts: [['stab_link', 1000]] } },
  },
  { stage: 'running', day: 0, type: 'repair', promiseIn: 150 },
  { stage: 'paused', day: 0, type: 'maintenance', promiseIn: 180 },
  { stage: 'dispatched', day: 0, type: 'maintenance', promiseIn: 240 },
  { stage: 'authorised', day: 0, type: 'repair', promiseIn: 300 },
]

/** More cars for a bigger crew: more running work and more waiting for the inspection. */
const EXTRA: readonly ShopSpec[] = [
  { stage: 'running', day: 0, type: 'maintenance', promiseIn: 200 },
  { stage: 'quality_check', day: 0, type: 'maintenance', promiseIn: 40 },
  { stage: 'dispatched', day: 0, type: 'repair', promiseIn: 260 },
  { stage: 'running', day: 0, type: 'campaign', promiseIn: 210 },
  { stage: 'ready', day: 0, type: 'internal', promiseIn: 15 },
  { stage: 'authorised', day: 0, type: 'maintenance', promiseIn: 320 },
]

/**
 * The shop for a crew of `technicians`, in check-in order. Before nine in the morning nobody has
 * got far today yet, so the cars then are yesterday's.
 */
export function shopSpecs(technicians: number, nowMinute: number): ShopSpec[] {
  const extra = EXTRA.slice(0, Math.max(0, Math.min(EXTRA.length, technicians - 6)))
  const specs = [...BASE, ...extra].map((s) => (s.day === 0 && nowMinute < 9 * 60 ? { ...s, day: -1 } : s))
  // Check-in order: earlier days first, and within a day the order listed.
  return specs.map((s, i) => ({ s, i })).sort((a, b) => a.s.day - b.s.day || a.i - b.i).map((x) => x.s)
}
