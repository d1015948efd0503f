import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpHost, type RunningHost } from '../host/http'
import { authorisedRo, jobOfLine, makeShop, shanghai, type Shop } from './test-kit'
import { BOARD_CLOCKS_SQL, BOARD_SQL, getBoard } from './board'
import { directCtx } from '../test-support/service-ctx'
import { openEventStream } from './sse-client'

let shop: Shop
let host: RunningHost
const ros: Record<string, { id: number; number: string }> = {}

// One shop with a car in each situation the board distinguishes.
beforeAll(async () => {
  shop = await makeShop()
  const { t, techA, techB, bays } = shop
  const a = { token: techA.token }
  const b = { token: techB.token }
  ros.waiting = await authorisedRo(t, 501, { promisedAt: shanghai('2026-11-27T17:00:00') })
  const running = await authorisedRo(t, 502, { promisedAt: shanghai('2026-11-27T10:00:00') })
  ros.running = running
  await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId: running.labourLineIds[0]!, technicianId: techA.id, bayId: bays.lift1 })
  await t.ok(a, 'workshop.clockOn', { jobId: await jobOfLine(t, running.id, running.labourLineIds[0]!) })
  const parts = await authorisedRo(t, 503, { type: 'maintenance', labour: [['更换变速箱油', 900]] })
  ros.parts = parts
  await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId: parts.labourLineIds[0]!, technicianId: techB.id, bayId: bays.lift2 })
  const partsJob = await jobOfLine(t, parts.id, parts.labourLineIds[0]!)
  await t.ok(b, 'workshop.clockOn', { jobId: partsJob })
  t.clock.advance(25 * 60_000)
  await t.ok(b, 'workshop.pause', { jobId: partsJob, reason: 'parts' })
  const approval = await authorisedRo(t, 504, { labour: [['检查异响', 500]] })
  ros.approval = approval
  await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId: approval.labourLineIds[0]!, technicianId: techB.id, bayId: bays.lift2, override: '同一辆车的相邻工位' })
  const approvalJob = await jobOfLine(t, approval.id, approval.labourLineIds[0]!)
  await t.ok(b, 'workshop.clockOn', { jobId: approvalJob })
  await t.ok(b, 'workshop.additional.raise', {
    roId: approval.id,
    finding: '减震器漏油',
    lines: [{ kind: 'labour', description: '更换前减震器', quantityMilli: 2000, unitPriceFen: 30000, payer: 'customer' }],
  })
  await t.ok(b, 'workshop.pause', { jobId: approvalJob, reason: 'other' })
  host = await startHttpHost(t.app, { port: 0 })
})
afterAll(async () => {
  await host.close()
  await shop.t.close()
})

const cardOf = <C extends { roId: number }>(board: { cards: C[] }, key: string) => board.cards.find((c) => c.roId === ros[key]!.id)

describe('the workshop board', () => {
  it('shows every car in the column and with the flags its facts give', async () => {
    const board = await shop.t.ok('workshop_supervisor', 'workshop.board', {})
    expect(board.at).toBe('2026-11-27T10:55:00+08:00')
    expect(cardOf(board, 'waiting')).toMatchObject({ column: 'dispatch', flags: [], minutesToPromise: 365, jobs: [expect.objectContaining({ id: null, state: 'pending' }), expect.objectContaining({ id: null })] })
    expect(cardOf(board, 'running')).toMatchObject({ column: 'repair', flags: ['overdue'], plate: '京A00502', model: '朗逸 1.5L', advisorName: '测试service_advisor' })
    expect(cardOf(board, 'parts')).toMatchObject({ column: 'parts', flags: ['waiting_parts'], type: 'maintenance' })
    expect(cardOf(board, 'parts')!.jobs[0]).toMatchObject({ technicianName: '李师傅', bayCode: 'L2', clockedMs: 25 * 60_000, runningSince: null })
    expect(cardOf(board, 'approval')).toMatchObject({ column: 'approval', flags: ['awaiting_approval'], pendingAdditional: 1 })
    expect(board.cards[0]!.roId).toBe(ros.running!.id) // the earliest promise first
  })

  it('gives the technicians’ lanes and the bays with the car in each', async () => {
    const { t, techA, techB, bays } = shop
    const board = await t.ok('workshop_supervisor', 'workshop.board', {})
    const running = cardOf(board, 'running')!
    expect(board.technicians.find((x) => x.id === techA.id)).toMatchObject({ openJobs: 1, runningJobIds: [running.jobs[0]!.id], skills: ['general', 'mechanical'] })
    expect(board.technicians.find((x) => x.id === techB.id)).toMatchObject({ openJobs: 2, runningJobIds: [] })
    expect(board.bays.find((x) => x.id === bays.lift1)).toMatchObject({ occupiedBy: { roId: ros.running!.id, plate: '京A00502' } })
    expect(board.bays.find((x) => x.id === bays.wash)).toMatchObject({ kind: 'wash', occupiedBy: null })
  })

  it('filters cards by advisor, RO type and bay', async () => {
    const { t, bays } = shop
    const ids = async (filter: Parameters<typeof t.ok<'workshop.board'>>[2]) =>
      (await t.ok('workshop_supervisor', 'workshop.board', filter)).cards.map((c) => c.roId).sort()
    expect(await ids({ type: 'maintenance' })).toEqual([ros.parts!.id])
    expect(await ids({ bayId: bays.lift2 })).toEqual([ros.parts!.id, ros.approval!.id].sort())
    expect(await ids({ advisorId: t.userIds.service_advisor })).toHaveLength(4)
    expect(await ids({ advisorId: t.userIds.service_manager })).toEqual([])
  })

  it('is read with a fixed set of queries that search indexes, never scan the history', () => {
    const plan = (sql: string) =>
      (shop.t.app.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail)
    // The bays and the staff (users) are a few dozen rows each; everything else is searched.
    for (const [name, sql] of Object.entries(BOARD_SQL)) {
      const steps = plan(sql)
      const scans = steps.filter((d) => /^SCAN /.test(d) && !/USING (COVERING )?INDEX/.test(d) && !/^SCAN (bays|users|CONSTANT)/.test(d))
      expect(scans, `${name}: ${steps.join(' | ')}`).toEqual([])
    }
    expect(plan(BOARD_SQL.jobs).join(' | ')).toMatch(/SEARCH r USING (COVERING )?INDEX repair_orders_state/)
    const held = (shop.t.app.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${BOARD_CLOCKS_SQL}`).all(180_000) as { detail: string }[]).map((r) => r.detail)
    expect(held.filter((d) => /^SCAN /.test(d) && !/USING (COVERING )?INDEX/.test(d))).toEqual([])
  })
})

describe('the wall display', () => {
  it('opens the board with a display token only, until the token is revoked', async () => {
    const { t } = shop
    expect(await t.call('technician', 'workshop.createDisplayToken', { name: '车间大屏' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const made = await t.ok('workshop_supervisor', 'workshop.createDisplayToken', { name: '车间大屏' })
    const wall = await t.ok(null, 'workshop.wall', { displayToken: made.token })
    expect(wall.cards).toHaveLength(4)
    const listed = await t.ok('workshop_supervisor', 'workshop.displayTokens', {})
    expect(listed).toEqual([{ id: made.id, name: '车间大屏', createdAt: made.createdAt, revokedAt: null, lastSeenAt: '2026-11-27T10:55:00+08:00' }])
    expect(JSON.stringify(listed)).not.toContain(made.token)
    const wrong = await t.call(null, 'workshop.wall', { displayToken: 'x'.repeat(32) }, { locale: 'en' })
    expect(wrong).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: 'The display token is not valid or has been revoked' })
    await t.ok('workshop_supervisor', 'workshop.revokeDisplayToken', { id: made.id })
    expect(await t.call(null, 'workshop.wall', { displayToken: made.token })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  it('hears every write on the push channel, with a display token or a user session', async () => {
    const { t, techA } = shop
    const made = await t.ok('workshop_supervisor', 'workshop.createDisplayToken', { name: '前台电视' })
    const wall = await openEventStream(`${host.url}api/events?display=${made.token}`)
    const advisor = await openEventStream(`${host.url}api/events?token=${t.tokens.service_advisor}`)
    const jobId = cardOf(await t.ok('workshop_supervisor', 'workshop.board', {}), 'running')!.jobs[0]!.id!
    await t.ok({ token: techA.token }, 'workshop.pause', { jobId, reason: 'break' })
    const isPause = (e: { type: string; id?: unknown }) => e.type === 'workshop.changed' && e.id === ros.running!.id
    expect(await wall.next(isPause, 1000)).toMatchObject({ type: 'workshop.changed', id: ros.running!.id })
    expect(await advisor.next(isPause, 1000)).toMatchObject({ type: 'workshop.changed' })
    wall.close()
    advisor.close()
    await t.ok('workshop_supervisor', 'workshop.revokeDisplayToken', { id: made.id })
    await expect(openEventStream(`${host.url}api/events?display=${made.token}`)).rejects.toThrow(/401/)
  })

  it('keeps its rows between writes only: any change, a clock tick or a rolled-back write shows at the next read', async () => {
    const { t } = shop
    const first = await t.ok('workshop_supervisor', 'workshop.board', {})
    // Time alone: the rows are kept, the minutes to the promise move on.
    t.clock.advance(60_000)
    const later = await t.ok('workshop_supervisor', 'workshop.board', {})
    expect(cardOf(later, 'waiting')!.minutesToPromise).toBe(cardOf(first, 'waiting')!.minutesToPromise! - 1)
    // A change written by any path shows at once.
    t.app.store.sqlite.prepare(`UPDATE vehicles SET model = '帕萨特 2.0T' WHERE id = (SELECT vehicle_id FROM repair_orders WHERE id = ?)`).run(ros.waiting!.id)
    expect(cardOf(await t.ok('workshop_supervisor', 'workshop.board', {}), 'waiting')!.model).toBe('帕萨特 2.0T')
    // A board read inside a transaction that rolls back is not kept.
    expect(() =>
      t.app.store.tx(() => {
        t.app.store.sqlite.prepare(`UPDATE vehicles SET model = '回滚' WHERE id = (SELECT vehicle_id FROM repair_orders WHERE id = ?)`).run(ros.waiting!.id)
        const ctx = directCtx({ store: t.app.store, clock: t.clock, channel: 'workshop.board' })
        expect(cardOf(getBoard(ctx, {}), 'waiting')!.model).toBe('回滚')
        throw new Error('rolled back')
      }),
    ).toThrow('rolled back')
    expect(cardOf(await t.ok('workshop_supervisor', 'workshop.board', {}), 'waiting')!.model).toBe('帕萨特 2.0T')
  })
})

describe('the board column rule', () => {
  it('files a car with additional work waiting for the customer under approval even while a technician works on it', async () => {
    const { t, techA, bays } = shop
    const busy = await authorisedRo(t, 505, { labour: [['检查底盘', 500], ['更换机油', 300]] })
    await t.ok('workshop_supervisor', 'workshop.dispatch', { lineId: busy.labourLineIds[0]!, technicianId: techA.id, bayId: bays.lift1, override: '同车相邻工位' })
    await t.ok({ token: techA.token }, 'workshop.clockOn', { jobId: await jobOfLine(t, busy.id, busy.labourLineIds[0]!) })
    await t.ok({ token: techA.token }, 'workshop.additional.raise', {
      roId: busy.id,
      finding: '下摆臂胶套开裂',
      lines: [{ kind: 'labour', description: '更换下摆臂胶套', quantityMilli: 1500, unitPriceFen: 30000, payer: 'customer' }],
    })
    const board = await t.ok('workshop_supervisor', 'workshop.board', {})
    const card = board.cards.find((c) => c.roId === busy.id)!
    expect(card.jobs.some((j) => j.state === 'running')).toBe(true)
    expect(cardOf(board, 'approval')!.jobs.some((j) => j.state === 'running')).toBe(false)
    // Same situation, same column: the running job shows on the card, not in its place.
    expect([card.column, cardOf(board, 'approval')!.column]).toEqual(['approval', 'approval'])
    expect(card.flags).toContain('awaiting_approval')
  })
})
