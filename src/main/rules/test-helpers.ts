import type { UserCtx } from '../api/context'
import { EventBuffer } from '../api/events'
import type { Role } from '../../shared/domain/roles'
import type { Payer } from '../../shared/domain/payer'
import type { RoType } from '../../shared/domain/ro-type'
import { receive, takeOut } from '../../shared/domain/stock'
import { toLocalIso } from '../../shared/domain/time'
import { postMove, stockOf } from '../parts/ledger'
import { transitionRo } from '../workshop/ro-flow'
import { directCtx } from '../test-support/service-ctx'
import { TEST_PASSWORD, registerVehicle, type TestApp } from '../test-support/test-app'
import { evaluateForEvents } from './engine'

// Test support for settlement and rules: a service context for a role, fresh logins after the
// calendar has walked past the session timeout, ROs brought to `ready` through the workshop's own
// state transitions, and stock moves posted through the real ledger with the rules hook run in
// the same transaction (as the dispatcher's write hook does).

const TZ = 'Asia/Shanghai'

export interface ServiceCtx extends UserCtx {
  events: EventBuffer
}

export function serviceCtx(t: TestApp, role: Role = 'administrator'): ServiceCtx {
  return { ...directCtx({ store: t.app.store, clock: t.clock, timeZone: TZ, locale: 'en' }), user: { id: t.userIds[role], username: role, displayName: role, role, locale: 'en' } }
}

/** Logs every test user in again (sessions expire after 12 idle hours; tests walk for weeks). */
export async function relogin(t: TestApp): Promise<void> {
  for (const role of Object.keys(t.tokens) as Role[]) {
    const username = role === 'administrator' ? 'admin' : role.replace(/_/g, '-')
    const login = await t.ok(null, 'auth.login', { username, password: TEST_PASSWORD })
    t.tokens[role] = login.token
  }
}

export interface LineSpec {
  payer: Payer
  amountFen: number
  description?: string
}

let serial = 700_000

/**
 * An RO checked in, estimated and authorised through the reception channels, then taken through
 * the workshop (start, QC, pass) at the clock's current time: completed now, state `ready`.
 */
export async function readyRo(
  t: TestApp,
  o: {
    type: RoType
    lines: LineSpec[]
    /** Part lines billed to the customer (the counter has not issued them). */
    parts?: { partId: number; quantityMilli: number; unitPriceFen?: number }[]
    promisedAt?: string
    stopAt?: 'authorised' | 'in_progress' | 'quality_check' | 'washing' | 'ready'
  },
): Promise<{ id: number; number: string; version: number }> {
  serial += 1
  const vehicle = await registerVehicle(t, { serial, name: `客户${serial}` })
  const ro = await t.ok('service_advisor', 'ro.checkIn', {
    vehicleId: vehicle.id,
    type: o.type,
    odometerKm: 10_000,
    fuelEighths: 4,
    concerns: '保养',
    ...(o.promisedAt ? { promisedAt: o.promisedAt } : {}),
  })
  const lined = await t.ok('service_advisor', 'ro.saveLines', {
    id: ro.id,
    version: ro.version,
    lines: [
      ...o.lines.map((l) => ({ kind: 'labour' as const, description: l.description ?? '工时', quantityMilli: 1000, unitPriceFen: l.amountFen, payer: l.payer })),
      ...(o.parts ?? []).map((p) => ({ kind: 'part' as const, partId: p.partId, description: '配件', quantityMilli: p.quantityMilli, unitPriceFen: p.unitPriceFen ?? 10_000, payer: 'customer' as const })),
    ],
  })
  const authorised = await t.ok('service_advisor', 'ro.authorise', { id: ro.id, version: lined.version, method: 'in_person', authorisedBy: '客户' })
  const stopAt = o.stopAt ?? 'ready'
  if (stopAt === 'authorised') return { id: ro.id, number: ro.number, version: authorised.version }
  const ctx = serviceCtx(t, 'workshop_supervisor')
  const walks = {
    in_progress: ['start_work'],
    quality_check: ['start_work', 'submit_qc'],
    washing: ['start_work', 'submit_qc', 'qc_pass_wash'],
    ready: ['start_work', 'submit_qc', 'qc_pass'],
  } as const
  const steps = walks[stopAt]
  const head = t.app.store.tx(() => {
    const last = steps.map((a) => transitionRo(ctx, ro.id, a)).at(-1)!
    evaluateForEvents(ctx, ctx.events.pending)
    return last
  })
  return { id: ro.id, number: ro.number, version: head.version }
}

/** A receipt or an issue through the real ledger, with the rules hook in the same transaction. */
export function move(t: TestApp, partId: number, kind: 'receipt' | 'issue', quantityMilli: number, unitCostFen = 1_000): void {
  const ctx = serviceCtx(t, 'parts_clerk')
  t.app.store.tx(() => {
    const before = stockOf(t.app.store, partId)
    const effect = kind === 'receipt' ? receive(before, quantityMilli, unitCostFen) : takeOut(before, quantityMilli)
    postMove(ctx, partId, kind, before, effect, { refType: 'manual', refId: null, bin: null, reason: 'test' })
    evaluateForEvents(ctx, ctx.events.pending)
  })
}

/** A part of its own, so one test's stock does not disturb another's. */
export function newPart(t: TestApp, partNumber: string, costFen = 1_000): number {
  const now = toLocalIso(t.clock.now(), TZ)
  return Number(
    t.app.store
      .prepare(
        `INSERT INTO parts (part_number, part_key, name, unit, price_fen, cost_fen, created_at, updated_at) VALUES (?, ?, ?, 'EA', ?, ?, ?, ?)`,
      )
      .run(partNumber, partNumber.replace(/[^A-Z0-9]/gi, '').toUpperCase(), `配件 ${partNumber}`, costFen * 2, costFen, now, now).lastInsertRowid,
  )
}

/** Local wall-clock time in Shanghai as an instant for the test clock. */
export const local = (text: string) => `${text}+08:00`
