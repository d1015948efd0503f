import { transitionRo } from '../workshop/ro-flow'
import { evaluateForEvents } from '../rules/engine'
import { move, newPart, serviceCtx } from '../rules/test-helpers'
import type { TestApp } from '../test-support/test-app'
import { testVin } from '../test-support/fixtures'
import type { In } from './types'

// Test support for the warranty desk: a repair with warranty lines (one labour operation with a
// standard time, one part issued from stock with its old part tagged for warranty) brought to
// `ready` through the real channels, ready to be claimed.

let serial = 820_000

export const WARRANTY_OP = { code: 'WX01', description: '更换左前车窗升降器', flatHoursMilli: 1000 }

export interface WarrantyRoOptions {
  /** Reuse a vehicle (a second visit); otherwise a new one is registered. */
  vehicleId?: number
  firstRegisteredOn?: string | null
  odometerKm?: number
  category?: string
  issue?: boolean
  tag?: boolean
}

export async function warrantyRo(t: TestApp, o: WarrantyRoOptions = {}): Promise<{ roId: number; roNumber: string; vehicleId: number; partId: number }> {
  serial += 1
  t.app.store
    .prepare('INSERT OR IGNORE INTO labour_operations (code, description, flat_hours_milli) VALUES (?, ?, ?)')
    .run(WARRANTY_OP.code, WARRANTY_OP.description, WARRANTY_OP.flatHoursMilli)
  const vehicleId =
    o.vehicleId ??
    (
      await t.ok('service_advisor', 'vehicles.register', {
        vin: testVin(serial),
        make: '大众',
        model: '朗逸 1.5L',
        odometerKm: 1_000,
        ...(o.firstRegisteredOn === null ? {} : { firstRegisteredOn: o.firstRegisteredOn ?? '2025-06-01' }),
        newOwner: { name: `索赔客户${serial}` },
      })
    ).id
  const partId = newPart(t, `6R0-${serial}`, 20_000)
  if (o.category) t.app.store.prepare('UPDATE parts SET category = ? WHERE id = ?').run(o.category, partId)
  const ro = await t.ok('service_advisor', 'ro.checkIn', { vehicleId, type: 'warranty', odometerKm: o.odometerKm ?? 20_000, fuelEighths: 4, concerns: '左前车窗升降时有异响，偶尔卡住不动' })
  const lined = await t.ok('service_advisor', 'ro.saveLines', {
    id: ro.id,
    version: ro.version,
    lines: [
      { kind: 'labour', opCode: WARRANTY_OP.code, description: WARRANTY_OP.description, quantityMilli: 1000, unitPriceFen: 20_000, payer: 'warranty' },
      { kind: 'part', partId, description: '车窗升降器', quantityMilli: 1000, unitPriceFen: 50_000, payer: 'warranty' },
    ],
  })
  await t.ok('service_advisor', 'ro.authorise', { id: ro.id, version: lined.version, method: 'in_person', authorisedBy: '客户' })
  if (o.issue !== false) {
    move(t, partId, 'receipt', 5_000, 20_000)
    await t.ok('parts_clerk', 'parts.issue', { roId: ro.id, lines: [{ partId, quantityMilli: 1000 }] })
  }
  if (o.tag !== false) {
    await t.ok('parts_clerk', 'oldparts.tag', { roId: ro.id, partId, description: '旧车窗升降器', quantityMilli: 1000, warranty: true, note: '' })
  }
  const ctx = serviceCtx(t, 'workshop_supervisor')
  t.app.store.tx(() => {
    for (const action of ['start_work', 'submit_qc', 'qc_pass'] as const) transitionRo(ctx, ro.id, action)
    evaluateForEvents(ctx, ctx.events.pending)
  })
  return { roId: ro.id, roNumber: ro.number, vehicleId, partId }
}

/** The claim's content as `warranty.claim.save` takes it, with the narrative written out. */
export function claimInput(claim: {
  id: number
  version: number
  claimType: In<'warranty.claim.save'>['claimType']
  causalPart: { id: number } | null
  mileageKm: number
  concern: string
  labour: { opCode: string; description: string; hoursMilli: number; rateFen: number }[]
  parts: { partId: number | null; description: string; quantityMilli: number; unitPriceFen: number }[]
}): In<'warranty.claim.save'> {
  return {
    id: claim.id,
    version: claim.version,
    claimType: claim.claimType,
    causalPartId: claim.causalPart?.id ?? null,
    failureCode: 'B1A2C3',
    mileageKm: claim.mileageKm,
    concern: claim.concern,
    cause: '升降器导轨磨损，电机齿轮打齿',
    correction: '更换左前车窗升降器总成并初始化',
    labour: claim.labour.map((l) => ({ opCode: l.opCode, description: l.description, hoursMilli: l.hoursMilli, rateFen: l.rateFen })),
    parts: claim.parts.map((p) => ({ ...(p.partId === null ? {} : { partId: p.partId }), description: p.description, quantityMilli: p.quantityMilli, unitPriceFen: p.unitPriceFen })),
    expenses: [],
  }
}
