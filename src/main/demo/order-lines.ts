import { lineAmount, totalsOf, type Totals } from '../../shared/domain/money'
import type { Payer } from '../../shared/domain/payer'
import type { RoType } from '../../shared/domain/ro-type'
import { LABOUR_OPS, type LabourSpec } from './catalogue-data'
import { weightedSampler, type Rng } from './random'
import type { World } from './world'
import { fitKey } from './seed-catalogue'
import { MODELS, type ModelSpec } from './vehicle-data'

// What a typical visit of each kind puts on the repair order: a labour operation and the parts
// it uses. Part keys refer to BASE_PARTS; quantities are thousandths.

export interface Job {
  op: string
  parts?: readonly (readonly [string, number])[]
  /** Work on a combustion engine (or its fuel, ignition or exhaust): never on a battery car. */
  engine?: true
}

const MAINTENANCE_EXTRAS: readonly Job[] = [
  { op: 'BY002', parts: [['air_filter', 1000]] },
  { op: 'BY003', parts: [['cabin_filter', 1000]] },
  { op: 'BY004', parts: [['spark_plug', 4000]], engine: true },
  { op: 'BY005', parts: [['brake_fluid', 1000]] },
  { op: 'MR001', parts: [['wiper', 1000]] },
  { op: 'FD001', parts: [['fuel_cleaner', 1000]], engine: true },
  { op: 'DP002' },
]

const REPAIR_JOBS: readonly Job[] = [
  { op: 'ZD001', parts: [['front_pads', 1000]] },
  { op: 'ZD002', parts: [['rear_pads', 1000]] },
  { op: 'ZD003', parts: [['front_disc', 2000], ['front_pads', 1000]] },
  { op: 'DP001' },
  { op: 'DQ001', parts: [['battery', 1000]] },
  { op: 'DQ002' },
  { op: 'KT001', parts: [['refrigerant', 600]] },
  { op: 'XG001', parts: [['front_shock', 1000]] },
  { op: 'XG003', parts: [['tie_rod_end', 1000]] },
  { op: 'XG004', parts: [['stab_link', 2000]] },
  { op: 'DQ004', parts: [['ignition_coil', 1000]], engine: true },
  { op: 'DP003', parts: [['tyre_16', 2000]] },
  { op: 'FD004', parts: [['thermostat', 1000], ['coolant', 4000]], engine: true },
  { op: 'FD002', parts: [['timing_belt', 1000], ['belt_tensioner', 1000]], engine: true },
]

const WARRANTY_JOBS: readonly Job[] = [
  { op: 'FD003', parts: [['water_pump', 1000], ['coolant', 4000]], engine: true },
  { op: 'KT003', parts: [['blower', 1000]] },
  { op: 'XG005', parts: [['wheel_bearing', 1000]] },
  { op: 'DQ005', parts: [['o2_sensor', 1000]], engine: true },
  { op: 'KT002', parts: [['ac_compressor', 1000], ['refrigerant', 600]] },
  { op: 'FD005', parts: [['injector', 1000]], engine: true },
]

const INSURANCE_JOBS: readonly Job[] = [
  { op: 'BJ003', parts: [['front_bumper', 1000]] },
  { op: 'BJ002' },
  { op: 'DQ003', parts: [['headlamp', 1000]] },
  { op: 'BJ004', parts: [['fender', 1000]] },
  { op: 'BJ001', parts: [['mirror', 1000]] },
]

export const RO_TYPE_DRAW = weightedSampler<RoType>(
  ['maintenance', 'repair', 'warranty', 'insurance', 'internal', 'campaign'],
  [55, 22, 8, 9, 3, 3],
)

export const CONCERNS: Record<RoType, readonly string[]> = {
  maintenance: ['常规保养', '定期保养，顺便检查轮胎', '保养，客户反映空调有异味', '首次保养'],
  repair: ['刹车时有异响', '空调不够凉', '发动机故障灯亮', '高速时方向盘抖动', '冷车启动困难', '怠速抖动', '右前轮异响'],
  warranty: ['车窗升降器异响，保修期内', '发动机漏水，保修期内', '空调鼓风机不工作', '行驶中有嗡嗡声'],
  insurance: ['前保险杠刮擦，保险理赔', '倒车时碰撞后杠', '左前大灯破损，保险理赔', '右后视镜被刮'],
  internal: ['二手车整备检测', '展车维护', '试驾车保养'],
  campaign: ['召回活动：升级发动机控制单元软件', '服务活动：免费检测刹车系统'],
}

export interface DemoLine {
  kind: 'labour' | 'part'
  opCode: string | null
  partId: number | null
  description: string
  quantityMilli: number
  unitPriceFen: number
  amountFen: number
  payer: Payer
  vatRateBp: number
}

const OPS = new Map<string, LabourSpec>(LABOUR_OPS.map((op) => [op.code, op]))
const DEFAULT_PAYER: Record<RoType, Payer> = {
  maintenance: 'customer',
  repair: 'customer',
  warranty: 'warranty',
  insurance: 'insurance',
  internal: 'internal',
  campaign: 'campaign',
}

/** The car an order is for: its parts must fit it. */
export interface OrderCar {
  make: string
  model: string
  /** A battery car (no engine): no oil service, spark plugs or timing belt. */
  battery: boolean
}

export function carOf(model: ModelSpec): OrderCar {
  return { make: model.make, model: model.model, battery: model.plateMark === 'D' }
}

/**
 * A catalogue part of template `key` that fits `car`: one made for its model, or a universal one;
 * failing both (a small catalogue), one made for another model of the same make; else none.
 */
export function fittingPart(w: World, rng: Rng, key: string, car: OrderCar, first = false): number | undefined {
  const own = [...(w.partIdsByFit.get(fitKey(key, car.model)) ?? []), ...(w.partIdsByFit.get(fitKey(key, null)) ?? [])]
  const ids = own.length > 0 ? own : sameMake(w, key, car)
  if (ids.length === 0) return undefined
  return first ? ids[0] : rng.pick(ids)
}

function sameMake(w: World, key: string, car: OrderCar): number[] {
  return MODELS.filter((m) => m.make === car.make).flatMap((m) => w.partIdsByFit.get(fitKey(key, m.model)) ?? [])
}

/** A job of `jobs` the car can have (a battery car has no engine work). */
function pickJob(rng: Rng, jobs: readonly Job[], car: OrderCar): Job {
  const fitting = car.battery ? jobs.filter((j) => !j.engine) : jobs
  return rng.pick(fitting.length > 0 ? fitting : jobs)
}

function pushJob(w: World, rng: Rng, lines: DemoLine[], job: Job, payer: Payer, car: OrderCar): void {
  const op = OPS.get(job.op)
  if (op) {
    lines.push({
      kind: 'labour',
      opCode: op.code,
      partId: null,
      description: op.description,
      quantityMilli: op.flatHoursMilli,
      unitPriceFen: w.labourRateFen,
      amountFen: lineAmount(op.flatHoursMilli, w.labourRateFen),
      payer,
      vatRateBp: w.vatRateBp,
    })
  }
  for (const [key, quantityMilli] of job.parts ?? []) {
    const partId = fittingPart(w, rng, key, car)
    if (partId === undefined) continue
    const price = w.partPriceFen.get(partId) ?? 0
    lines.push({
      kind: 'part',
      opCode: null,
      partId,
      description: w.partName.get(partId) ?? key,
      quantityMilli,
      unitPriceFen: price,
      amountFen: lineAmount(quantityMilli, price),
      payer,
      vatRateBp: w.vatRateBp,
    })
  }
}

/** The estimate lines of one visit of `type` for `car`; battery cars get their own maintenance items. */
export function linesFor(w: World, rng: Rng, type: RoType, car: OrderCar): DemoLine[] {
  const lines: DemoLine[] = []
  const payer = DEFAULT_PAYER[type]
  switch (type) {
    case 'maintenance': {
      if (car.battery) {
        pushJob(w, rng, lines, { op: 'XN001', parts: [['cabin_filter', 1000]] }, payer, car)
        if (rng.chance(0.3)) pushJob(w, rng, lines, { op: 'XN002', parts: [['hv_coolant', 4000]] }, payer, car)
      } else {
        const oil = rng.chance(0.4) ? 'oil_0w20' : 'oil_5w30'
        pushJob(w, rng, lines, { op: 'BY001', parts: [[oil, rng.pick([4000, 4500, 5000])], ['oil_filter', 1000], ['drain_washer', 1000]] }, payer, car)
      }
      const extras = rng.int(0, 2)
      for (let i = 0; i < extras; i++) pushJob(w, rng, lines, pickJob(rng, MAINTENANCE_EXTRAS, car), payer, car)
      // A fault found during a service on a car still under warranty goes to the maker.
      if (rng.chance(0.05)) pushJob(w, rng, lines, pickJob(rng, WARRANTY_JOBS, car), 'warranty', car)
      break
    }
    case 'repair':
      pushJob(w, rng, lines, pickJob(rng, REPAIR_JOBS, car), payer, car)
      if (rng.chance(0.4)) pushJob(w, rng, lines, pickJob(rng, REPAIR_JOBS, car), payer, car)
      break
    case 'warranty':
      pushJob(w, rng, lines, pickJob(rng, WARRANTY_JOBS, car), payer, car)
      break
    case 'insurance':
      pushJob(w, rng, lines, rng.pick(INSURANCE_JOBS), payer, car)
      pushJob(w, rng, lines, { op: 'BJ002' }, payer, car)
      // The owner often has something else done while the car is in for the claim.
      if (rng.chance(0.2)) pushJob(w, rng, lines, { op: 'DP001' }, 'customer', car)
      break
    case 'internal':
      pushJob(w, rng, lines, { op: 'BY008' }, payer, car)
      pushJob(w, rng, lines, { op: 'DQ002' }, payer, car)
      break
    case 'campaign':
      pushJob(w, rng, lines, { op: 'ZH001' }, payer, car)
      if (rng.chance(0.5)) pushJob(w, rng, lines, { op: 'DQ002' }, payer, car)
      break
  }
  return lines
}

/** The lines of a fixed list of jobs (today's workshop scenes need particular work on the car). */
export function linesOfJobs(w: World, rng: Rng, jobs: readonly Job[], type: RoType, car: OrderCar): DemoLine[] {
  const lines: DemoLine[] = []
  for (const job of jobs) pushJob(w, rng, lines, job, DEFAULT_PAYER[type], car)
  return lines
}

export function totalsOfLines(lines: readonly DemoLine[]): Totals {
  return totalsOf(lines)
}

