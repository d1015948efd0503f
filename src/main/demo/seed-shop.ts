import type { z } from 'zod'
import { AppError } from '../api/app-error'
import type { UserCtx } from '../api/context'
import type { Contract } from '../../shared/contract'
import type { RoType } from '../../shared/domain/ro-type'
import { dispatchJob } from '../workshop/dispatch'
import { clockOn, finishJob, pauseJob } from '../workshop/clock'
import { decideAdditional, raiseAdditional } from '../workshop/additional'
import { lineHooks } from '../line-hooks'
import { recordInspection, washDone } from '../workshop/qc'
import { checklistOf } from '../workshop/qc-read'
import { issueToRo, recordShortage } from '../parts/counter'
import { createExternal } from '../parts/external'
import { LABOUR_OPS } from './catalogue-data'
import { fittingPart } from './order-lines'
import { MODELS } from './vehicle-data'
import { missingPartOf } from './seed-workshop'
import type { OpenOrder } from './seed-orders'
import { input, type Sim } from './sim-ctx'
import { planShop, skillOf, type Action, type ShopRo, type Technician } from './shop-schedule'
import { workTime } from './work-time'
import type { World } from './world'

// Today's workshop, played through the workshop and parts-counter services at the moments the
// schedule gives: the supervisor dispatches, technicians clock on and off, the inspector passes or
// fails cars, the counter issues parts. Whatever the services refuse is left undone and reported.

const SECOND = 1000

export function runShop(w: World, sim: Sim, open: readonly OpenOrder[], techs: readonly Technician[], nowMs: number): string[] {
  const { store } = w
  // raw SQL: bulk generator speed — a lookup run for every replayed order or action
  const labour = store.prepare(`SELECT id, op_code, quantity_milli FROM ro_lines WHERE ro_id = ? AND kind = 'labour' ORDER BY position`)
  const ros: ShopRo[] = open.flatMap((o) =>
    o.shop
      ? [{
          id: o.id,
          spec: o.shop,
          advisorId: o.advisorId,
          openedMs: Date.parse(o.openedAt),
          jobs: (labour.all(o.id) as { id: number; op_code: string | null; quantity_milli: number }[]).map((l) => ({
            lineId: l.id,
            opCode: l.op_code,
            soldMilli: l.quantity_milli,
          })),
        }]
      : [],
  )
  if (techs.length === 0) return []
  const work = workTime(w.cal, nowMs)
  const dayEnd = (day: number, minute: number) => Date.parse(w.cal.iso(day, minute))
  const skipped: string[] = []
  for (const action of planShop(ros, techs, work, w.rng, dayEnd)) {
    if (action.ms > nowMs - SECOND) continue
    sim.clock.set(action.ms)
    try {
      // A savepoint each: a refused step leaves nothing half-written behind.
      store.tx(() => perform(w, sim, action))
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      skipped.push(`${action.kind} RO ${action.ro.id}: ${error.code} ${error.messageKey}`)
    }
  }
  return skipped
}

const jobIdOf = (w: World, lineId: number) =>
  // raw SQL: bulk generator speed — a lookup run for every replayed order or action
  (w.store.prepare('SELECT id FROM ro_jobs WHERE ro_line_id = ?').get(lineId) as { id: number } | undefined)?.id ?? 0
// raw SQL: bulk generator speed — a lookup run for every replayed order or action
const roVersion = (w: World, roId: number) => (w.store.prepare('SELECT version FROM repair_orders WHERE id = ?').get(roId) as { version: number }).version

/** A free bay of the kind the car's work needs (paint booth, alignment), else a free lift, else none. */
function freeBay(w: World, ro: ShopRo): number | undefined {
  const ops = new Set(ro.jobs.map((j) => j.opCode))
  const kinds = ops.has('BJ002') ? ['paint_booth', 'lift'] : ops.has('DP001') ? ['alignment', 'lift'] : ['lift', 'general']
  // raw SQL: bulk generator speed — a lookup run for every replayed order or action
  const find = w.store.prepare(
    `SELECT b.id FROM bays b WHERE b.kind = ? AND b.active = 1 AND NOT EXISTS (
       SELECT 1 FROM ro_jobs j WHERE j.bay_id = b.id AND j.state IN ('dispatched', 'running', 'paused', 'rework')) ORDER BY b.code LIMIT 1`,
  )
  for (const kind of kinds) {
    const row = find.get(kind) as { id: number } | undefined
    if (row) return row.id
  }
  return undefined
}

function perform(w: World, sim: Sim, a: Action): void {
  switch (a.kind) {
    case 'dispatch': {
      const skill = skillOf(a.job.opCode)
      const bayId = a.first ? freeBay(w, a.ro) : undefined
      dispatchJob(sim.as('workshop'), input('workshop.dispatch', {
        lineId: a.job.lineId,
        technicianId: a.tech.id,
        ...(bayId === undefined ? {} : { bayId }),
        ...(a.tech.skills.includes(skill) ? { skill } : {}),
      }))
      return
    }
    case 'issue':
      return issueParts(w, sim, a.ro)
    case 'clockOn':
      clockOn(sim.as(a.tech.username), input('workshop.clockOn', { jobId: jobIdOf(w, a.job.lineId) }))
      return
    case 'pause':
      pauseJob(sim.as(a.tech.username), input('workshop.pause', { jobId: jobIdOf(w, a.job.lineId), reason: a.reason }))
      return
    case 'finish':
      finishJob(sim.as(a.tech.username), input('workshop.finish', { jobId: jobIdOf(w, a.job.lineId) }))
      return
    case 'raise':
      return raise(w, sim.as(a.tech.username), a.ro)
    case 'approve': {
      // raw SQL: bulk generator speed — a lookup run for every replayed order or action
      const work = w.store.prepare(`SELECT id, version FROM additional_work WHERE ro_id = ? AND state = 'raised' ORDER BY id LIMIT 1`).get(a.ro.id) as
        | { id: number; version: number }
        | undefined
      if (!work) return
      // raw SQL: bulk generator speed — a lookup run for every replayed order or action
      const customer = w.store.prepare('SELECT c.name FROM repair_orders r JOIN customers c ON c.id = r.customer_id WHERE r.id = ?').pluck().get(a.ro.id) as string
      const advisor = sim.asId(a.ro.advisorId)
      decideAdditional(advisor, input('workshop.additional.decide', { id: work.id, version: work.version, decision: 'approved', method: 'phone', decidedBy: customer, note: '客户电话同意' }), lineHooks.checkLines)
      return
    }
    case 'qc': {
      const inspector = sim.as('techsup')
      // raw SQL: bulk generator speed — a lookup run for every replayed order or action
      const type = w.store.prepare('SELECT type FROM repair_orders WHERE id = ?').pluck().get(a.ro.id) as RoType
      const items = checklistOf(inspector, type).map((item, i) => ({ itemId: item.id, ok: a.pass || i > 0, note: a.pass || i > 0 ? '' : '试车时仍有异响' }))
      const rework = a.rework ? [{ jobId: jobIdOf(w, a.rework.lineId), reason: '路试刹车仍有异响，需重新检查调整' }] : []
      recordInspection(inspector, input('workshop.qc.record', { roId: a.ro.id, version: roVersion(w, a.ro.id), result: a.pass ? 'pass' : 'fail', wash: a.wash, items, rework }))
      return
    }
    case 'washDone':
      washDone(sim.as('workshop'), input('workshop.washDone', { roId: a.ro.id, version: roVersion(w, a.ro.id) }))
      return
  }
}

/** The counter issues the car's parts; a part missing from the shelf is bought outside and awaits its check. */
function issueParts(w: World, sim: Sim, ro: ShopRo): void {
  const clerk = sim.as('parts1')
  const hold = ro.spec.stage === 'parts' ? missingPartOf(w, ro.id) : null
  // raw SQL: bulk generator speed — a lookup run for every replayed order or action
  const wanted = w.store
    .prepare(`SELECT part_id, sum(quantity_milli) AS q FROM ro_lines WHERE ro_id = ? AND kind = 'part' GROUP BY part_id ORDER BY min(position)`)
    .all(ro.id) as { part_id: number; q: number }[]
  for (const line of wanted) {
    if (line.part_id === hold) continue
    try {
      w.store.tx(() => issueToRo(clerk, input('parts.issue', { roId: ro.id, lines: [{ partId: line.part_id, quantityMilli: line.q }] })))
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'INSUFFICIENT_STOCK') throw error
      recordShortage(clerk, input('parts.recordShortage', { roId: ro.id, partId: line.part_id, outcome: 'special_order', note: '缺货，已订货' }))
    }
  }
  const part = hold === null ? undefined : wanted.find((l) => l.part_id === hold)
  if (part) {
    // raw SQL: bulk generator speed — a lookup run for every replayed order or action
    const cost = w.store.prepare('SELECT cost_fen FROM parts WHERE id = ?').pluck().get(part.part_id) as number
    createExternal(sim.as('partsup'), input('purchasing.external.create', {
      roId: ro.id,
      partId: part.part_id,
      supplierName: '广州永达汽配商行',
      quantityMilli: part.q,
      unitCostFen: Math.round(cost * 1.12),
      invoiceRef: `YD${w.cal.date(0).replace(/-/g, '')}01`,
      note: '原厂件缺货，客户同意外采，待车间主管验货',
    }))
  }
}

type RaiseLine = z.input<Contract['workshop.additional.raise']['input']>['lines'][number]

/** The technician writes up what they found: the labour and the part, at the store's prices. */
function raise(w: World, tech: UserCtx, ro: ShopRo): void {
  const extra = ro.spec.extra
  if (!extra) return
  const lines: RaiseLine[] = []
  const op = LABOUR_OPS.find((o) => o.code === extra.job.op)
  if (op) lines.push({ kind: 'labour', opCode: op.code, description: op.description, quantityMilli: op.flatHoursMilli, unitPriceFen: w.labourRateFen, payer: 'customer' })
  // The part for this car: its model's, or a universal one (never another make's).
  // raw SQL: bulk generator speed — a lookup run for every replayed order or action
  const car = w.store
    .prepare(`SELECT v.make, v.model FROM repair_orders r JOIN vehicles v ON v.id = r.vehicle_id WHERE r.id = ?`)
    .get(ro.id) as { make: string; model: string }
  const battery = MODELS.some((m) => m.model === car.model && m.plateMark === 'D')
  for (const [key, quantityMilli] of extra.job.parts ?? []) {
    const partId = fittingPart(w, w.rng, key, { make: car.make, model: car.model, battery }, true)
    if (partId === undefined) continue
    lines.push({ kind: 'part', partId, description: w.partName.get(partId) ?? key, quantityMilli, unitPriceFen: w.partPriceFen.get(partId) ?? 0, payer: 'customer' })
  }
  if (lines.length > 0) raiseAdditional(tech, input('workshop.additional.raise', { roId: ro.id, finding: extra.finding, lines }))
}
