import { sql, type AliasedExpression, type Kysely } from 'kysely'
import type { Ctx } from '../api/context'
import type { RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import { BOARD_RO_STATES, boardColumn, cardFlags, minutesToPromise } from '../../shared/domain/workshop-board'
import { holdsBay, type JobState, type PauseReason } from '../../shared/domain/workshop-job'
import type { Skill } from '../../shared/domain/workshop-resources'
import type { DB } from '../store/schema'
import { preparedQuery, type PreparedQuery } from '../store/query'
import { lineJobOut, type In, type JobOut, type Out } from './rows'
import { listTechnicians } from './resources'
import { CONFIRMED, SEGMENT_MS, minSegmentMs } from './clock-minimum'

// The workshop board (车间看板) in one round trip: every RO from authorised to ready, its jobs with
// technicians, bays and clocked time, the technicians' lanes and the bays. A fixed handful of
// set-based queries whatever the number of cards (no query per card or per job), folded in memory.

type Board = Out<'workshop.board'>
type Card = Board['cards'][number]

// The open states written into the SQL as constants: the statements have no parameters but the
// clock minimum, and the planner sees the IN list (the query-plan test reads BOARD_SQL).
const OPEN_STATES = BOARD_RO_STATES.map((state) => sql.lit(state))

// Each query starts from the open ROs (repair_orders_state index) and reaches jobs, lines and
// segments through their ro_id/job_id indexes, so the cost follows the shop, not the history.
// All are prepared once at module load: the board is the slowest read the benchmark times.
const openRos = (db: Kysely<DB>) => db.selectFrom('repair_orders as r').where('r.state', 'in', OPEN_STATES)

// The big reads come back as arrays, not objects: building an object per row doubles the cost of
// the jobs read (measured on the bench shop), so `rawRows` types each array by its select list.
type ColumnName<S> = S extends `${string} as ${infer A}` ? A : S extends `${string}.${infer C}` ? C : S extends AliasedExpression<unknown, infer A> ? A : S
type RawRow<O, K extends readonly unknown[]> = { -readonly [I in keyof K]: O[ColumnName<K[I]> & keyof O] }

/** Rows of a prepared query as arrays in the order of `columns`, its select list. */
function rawRows<P, O, const K extends readonly unknown[]>(ctx: Ctx, query: PreparedQuery<P, O>, _columns: K, params: P): RawRow<O, K>[] {
  return ctx.store.prepare(query.sql).raw(true).all(...query.values(params)) as RawRow<O, K>[]
}

const CARD_COLUMNS = ['r.id', 'r.number', 'r.type', 'r.state', 'r.version', 'v.plate', 'v.model', 'r.advisor_id', 'u.display_name', 'r.opened_at', 'r.promised_at'] as const
const JOB_COLUMNS = [
  'j.id',
  'j.ro_id',
  'j.ro_line_id',
  'j.additional_line_id',
  'j.description',
  'j.skill',
  'j.technician_id',
  'j.bay_id',
  'j.state',
  'j.pause_reason',
  'j.sold_hours_milli',
  'j.rework_count',
  'j.version',
] as const
// Durations from the instants the ISO texts name (offset included), to the millisecond, and the
// short segments awaiting the supervisor (shorter than the clock minimum, neither confirmed nor
// corrected): one pass over the open ROs' segments, each segment's length computed once.
const clockColumns = (minMs: unknown) =>
  [
    'g.job_id',
    sql<number>`coalesce(sum(CASE WHEN g.ended THEN CAST(round(g.ms) AS INTEGER) END), 0)`.as('clocked_ms'),
    sql<string | null>`max(CASE WHEN NOT g.ended THEN g.started_at END)`.as('running_since'),
    sql<number>`sum(CASE WHEN g.ended AND NOT g.confirmed AND g.ms < ${minMs} THEN 1 ELSE 0 END)`.as('held'),
  ] as const
const CLOCK_COLUMNS = clockColumns(0)
const LINE_COLUMNS = ['l.id', 'l.ro_id', 'l.description', 'l.quantity_milli'] as const

const boardQueries = {
  cards: preparedQuery()((db) =>
    openRos(db)
      .innerJoin('vehicles as v', 'v.id', 'r.vehicle_id')
      .innerJoin('users as u', 'u.id', 'r.advisor_id')
      .select(CARD_COLUMNS)
      .orderBy(sql`r.promised_at IS NULL`)
      .orderBy('r.promised_at')
      .orderBy('r.opened_at')
      .orderBy('r.id')
      .$narrowType<{ type: RoType; state: RoState }>(),
  ),
  // No order and no join for the technician's name: the rows are grouped per RO and sorted in
  // memory, and the names come from the users read (measured: a fifth of the jobs read).
  jobs: preparedQuery()((db) =>
    openRos(db)
      .innerJoin('ro_jobs as j', 'j.ro_id', 'r.id')
      .select(JOB_COLUMNS)
      .where('j.state', '<>', sql.lit('declined'))
      .$narrowType<{ skill: Skill | null; state: JobState; pause_reason: PauseReason | null }>(),
  ),
  names: preparedQuery()((db) => db.selectFrom('users').select(['id', 'display_name'])),
  lines: preparedQuery()((db) =>
    db
      .selectFrom('repair_orders as r')
      .innerJoin('ro_lines as l', 'l.ro_id', 'r.id')
      .select(LINE_COLUMNS)
      .where('r.state', '=', sql.lit('authorised'))
      .where('l.kind', '=', sql.lit('labour'))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('ro_jobs as j').select(sql.lit(1).as('one')).whereRef('j.ro_line_id', '=', 'l.id'))))
      .orderBy('l.ro_id')
      .orderBy('l.position'),
  ),
  additional: preparedQuery()((db) =>
    db.selectFrom('additional_work').select(['ro_id', sql<number>`count(*)`.as('n')]).where('state', '=', sql.lit('raised')).groupBy('ro_id'),
  ),
  bays: preparedQuery()((db) => db.selectFrom('bays').select(['id', 'code', 'name', 'kind', 'active']).orderBy('code')),
}

/** Clocked time, running clock and short segments awaiting the supervisor per job of an open RO; the parameter is the clock minimum in ms. */
const clocksQuery = preparedQuery<{ minMs: number }>()((db, p) =>
  db
    .selectFrom(
      openRos(db)
        .innerJoin('ro_jobs as j', 'j.ro_id', 'r.id')
        .innerJoin('job_time_segments as s', 's.job_id', 'j.id')
        .select(['s.job_id', 's.started_at', sql<number>`s.ended_at IS NOT NULL`.as('ended'), CONFIRMED.as('confirmed'), SEGMENT_MS.as('ms')])
        .as('g'),
    )
    .select(clockColumns(p.minMs))
    .groupBy('g.job_id'),
)

/** The board's statements, for the query-plan test: none has a parameter. */
export const BOARD_SQL = Object.fromEntries(Object.entries(boardQueries).map(([name, query]) => [name, query.sql])) as Record<keyof typeof boardQueries, string>
/** The clocks statement; its one parameter is the clock minimum in ms. */
export const BOARD_CLOCKS_SQL = clocksQuery.sql

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** What the board reads from the store: everything but the time-dependent parts and the filter. */
function readShop(ctx: Ctx) {
  // All open ROs are read (bays need them whatever the filter); the filter applies to the cards.
  const roRows = rawRows(ctx, boardQueries.cards, CARD_COLUMNS, {})
  const allBays = boardQueries.bays.all(ctx.store, {})
  const bayCode = new Map(allBays.map((b) => [b.id, b.code]))

  const clockRows = rawRows(ctx, clocksQuery, CLOCK_COLUMNS, { minMs: minSegmentMs(ctx) })
  const clocks = new Map<number, (typeof clockRows)[number]>()
  for (const c of clockRows) clocks.set(c[0], c)
  const names = new Map(boardQueries.names.all(ctx.store, {}).map((u) => [u.id, u.display_name]))
  const jobsByRo = new Map<number, JobOut[]>()
  for (const j of rawRows(ctx, boardQueries.jobs, JOB_COLUMNS, {})) {
    const clock = clocks.get(j[0])
    push(jobsByRo, j[1], {
      id: j[0],
      roId: j[1],
      lineId: j[2],
      description: j[4],
      skill: j[5],
      state: j[8],
      pauseReason: j[9],
      technicianId: j[6],
      technicianName: j[6] === null ? null : (names.get(j[6]) ?? null),
      bayId: j[7],
      bayCode: j[7] === null ? null : (bayCode.get(j[7]) ?? null),
      soldHoursMilli: j[10],
      clockedMs: clock?.[1] ?? 0,
      runningSince: clock?.[2] ?? null,
      heldSegments: clock?.[3] ?? 0,
      reworkCount: j[11],
      additional: j[3] !== null,
      version: j[12],
    })
  }
  for (const jobs of jobsByRo.values()) jobs.sort((a, b) => a.id! - b.id!)
  for (const [id, roId, description, quantityMilli] of rawRows(ctx, boardQueries.lines, LINE_COLUMNS, {})) {
    push(jobsByRo, roId, lineJobOut({ id, ro_id: roId, description, quantity_milli: quantityMilli }))
  }
  const pending = new Map<number, number>()
  for (const a of boardQueries.additional.all(ctx.store, {})) pending.set(a.ro_id, a.n)

  // Lanes and bays reflect the whole shop, whatever the card filter.
  const technicians = listTechnicians(ctx)
    .filter((t) => t.active)
    .map((t) => ({ ...t, openJobs: 0, runningJobIds: [] as number[] }))
  const laneOf = new Map(technicians.map((t) => [t.id, t]))
  const bays = allBays
    .filter((b) => b.active === 1)
    .map((b) => ({ id: b.id, code: b.code, name: b.name, kind: b.kind, active: true, occupiedBy: null as Board['bays'][number]['occupiedBy'] }))
  const bayById = new Map(bays.map((b) => [b.id, b]))
  const roInfo = new Map(roRows.map((r) => [r[0], r]))
  for (const roId of [...jobsByRo.keys()].sort((a, b) => a - b)) {
    for (const job of jobsByRo.get(roId)!) {
      if (!holdsBay(job.state)) continue
      const lane = job.technicianId === null ? undefined : laneOf.get(job.technicianId)
      if (lane) {
        lane.openJobs += 1
        if (job.state === 'running' && job.id !== null) lane.runningJobIds.push(job.id)
      }
      const bay = job.bayId === null ? undefined : bayById.get(job.bayId)
      const ro = roInfo.get(roId)
      if (bay && bay.occupiedBy === null && ro) bay.occupiedBy = { roId, number: ro[1], plate: ro[5] }
    }
  }
  return { roRows, jobsByRo, pending, technicians, bays }
}

type Shop = ReturnType<typeof readShop>

// Between two writes every board on every desk reads the same rows (a write's live event makes
// each of them re-read at once), so the rows are kept per connection, keyed by SQLite's count of
// rows changed on it (total_changes(): every insert, update and delete, triggers included) and
// its data_version (a commit by another connection). Inside a transaction nothing is kept: a
// rollback undoes rows without undoing the count. The time and the filter apply at each call.
const shops = new WeakMap<Ctx['store'], { key: string; shop: Shop }>()

function shopOf(ctx: Ctx): Shop {
  const sqlite = ctx.store.sqlite
  if (sqlite.inTransaction) return readShop(ctx)
  // raw SQL: SQLite's own counters, no table behind them.
  const key = `${String(ctx.store.prepare('SELECT total_changes()').pluck().get())}:${String(sqlite.pragma('data_version', { simple: true }))}`
  const kept = shops.get(ctx.store)
  if (kept?.key === key) return kept.shop
  const shop = readShop(ctx)
  shops.set(ctx.store, { key, shop })
  return shop
}

export function getBoard(ctx: Ctx, input: In<'workshop.board'>): Board {
  const nowMs = ctx.clock.now().getTime()
  const { roRows, jobsByRo, pending, technicians, bays } = shopOf(ctx)
  const cards: Card[] = []
  for (const [id, number, type, state, version, plate, model, advisorId, advisorName, openedAt, promisedAt] of roRows) {
    if (input.advisorId !== undefined && advisorId !== input.advisorId) continue
    if (input.type !== undefined && type !== input.type) continue
    const jobs = jobsByRo.get(id) ?? []
    if (input.bayId !== undefined && !jobs.some((j) => j.bayId === input.bayId)) continue
    const facts = { roState: state, jobs, pendingAdditional: pending.get(id) ?? 0 }
    cards.push({
      roId: id,
      number,
      type,
      roState: state,
      roVersion: version,
      plate,
      model,
      advisorId,
      advisorName,
      openedAt,
      promisedAt,
      minutesToPromise: minutesToPromise(promisedAt, nowMs),
      column: boardColumn(facts),
      flags: cardFlags({ ...facts, promisedAt }, nowMs),
      pendingAdditional: facts.pendingAdditional,
      jobs,
    })
  }
  return { at: ctx.nowIso(), cards, technicians, bays }
}
