import type { Ctx } from '../api/context'
import type { RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import { BOARD_RO_STATES, boardColumn, cardFlags, minutesToPromise } from '../../shared/domain/workshop-board'
import { holdsBay, type JobState, type PauseReason } from '../../shared/domain/workshop-job'
import type { BayKind, Skill } from '../../shared/domain/workshop-resources'
import { lineJobOut, type In, type JobOut, type Out } from './rows'
import { listTechnicians } from './resources'
import { CONFIRMED_SQL, minSegmentMs } from './clock-minimum'

// The workshop board (车间看板) in one round trip: every RO from authorised to ready, its jobs with
// technicians, bays and clocked time, the technicians' lanes and the bays. A fixed handful of
// set-based queries whatever the number of cards (no query per card or per job), folded in memory.

type Board = Out<'workshop.board'>
type Card = Board['cards'][number]

const STATES_SQL = `(${BOARD_RO_STATES.map((s) => `'${s}'`).join(', ')})`

// Raw rows (arrays, not objects): the board reads ~2,000 rows, and building an object per row
// costs more than the query itself. Column order is fixed by the SELECT lists below.
type CardRaw = [number, string, RoType, RoState, number, string | null, string, number, string, string, string | null]
type JobRaw = [number, number, number | null, number | null, string, Skill | null, number | null, string | null, number | null, JobState, PauseReason | null, number, number, number]
type ClockRaw = [number, number, string | null]
type LineRaw = [number, number, string, number]

// Each query starts from the open ROs (repair_orders_state index) and reaches jobs, lines and
// segments through their ro_id/job_id indexes, so the cost follows the shop, not the history.
/** Short clock segments awaiting the supervisor per job of an open RO; the parameter is the clock minimum in ms. */
export const BOARD_HELD_SQL = `
    SELECT s.job_id, count(*)
      FROM repair_orders r JOIN ro_jobs j ON j.ro_id = r.id JOIN job_time_segments s ON s.job_id = j.id
     WHERE r.state IN ${STATES_SQL} AND s.ended_at IS NOT NULL AND NOT ${CONFIRMED_SQL}
       AND (unixepoch(s.ended_at, 'subsec') - unixepoch(s.started_at, 'subsec')) * 1000 < ?
     GROUP BY s.job_id`

export const BOARD_SQL = {
  cards: `
    SELECT r.id, r.number, r.type, r.state, r.version, v.plate, v.model, r.advisor_id, u.display_name, r.opened_at, r.promised_at
      FROM repair_orders r JOIN vehicles v ON v.id = r.vehicle_id JOIN users u ON u.id = r.advisor_id
     WHERE r.state IN ${STATES_SQL}
     ORDER BY r.promised_at IS NULL, r.promised_at, r.opened_at, r.id`,
  jobs: `
    SELECT j.id, j.ro_id, j.ro_line_id, j.additional_line_id, j.description, j.skill, j.technician_id, u.display_name, j.bay_id,
           j.state, j.pause_reason, j.sold_hours_milli, j.rework_count, j.version
      FROM repair_orders r JOIN ro_jobs j ON j.ro_id = r.id LEFT JOIN users u ON u.id = j.technician_id
     WHERE r.state IN ${STATES_SQL} AND j.state <> 'declined'
     ORDER BY j.ro_id, j.id`,
  // Durations from the instants the ISO texts name (offset included), to the millisecond.
  clocks: `
    SELECT s.job_id,
           coalesce(sum(CASE WHEN s.ended_at IS NOT NULL
                THEN CAST(round((unixepoch(s.ended_at, 'subsec') - unixepoch(s.started_at, 'subsec')) * 1000) AS INTEGER) END), 0),
           max(CASE WHEN s.ended_at IS NULL THEN s.started_at END)
      FROM repair_orders r JOIN ro_jobs j ON j.ro_id = r.id JOIN job_time_segments s ON s.job_id = j.id
     WHERE r.state IN ${STATES_SQL}
     GROUP BY s.job_id`,
  lines: `
    SELECT l.id, l.ro_id, l.description, l.quantity_milli
      FROM repair_orders r JOIN ro_lines l ON l.ro_id = r.id
     WHERE r.state = 'authorised' AND l.kind = 'labour' AND NOT EXISTS (SELECT 1 FROM ro_jobs j WHERE j.ro_line_id = l.id)
     ORDER BY l.ro_id, l.position`,
  additional: `SELECT ro_id, count(*) FROM additional_work WHERE state = 'raised' GROUP BY ro_id`,
  bays: `SELECT id, code, name, kind, active FROM bays ORDER BY code`,
}

function rows<T>(ctx: Ctx, sql: string): T[] {
  return ctx.store.prepare(sql).raw(true).all() as T[]
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export function getBoard(ctx: Ctx, input: In<'workshop.board'>): Board {
  const nowMs = ctx.clock.now().getTime()
  // All open ROs are read (bays need them whatever the filter); the filter applies to the cards.
  const roRows = rows<CardRaw>(ctx, BOARD_SQL.cards)
  const allBays = ctx.store.prepare(BOARD_SQL.bays).all() as { id: number; code: string; name: string; kind: BayKind; active: number }[]
  const bayCode = new Map(allBays.map((b) => [b.id, b.code]))

  const clocks = new Map<number, ClockRaw>()
  for (const c of rows<ClockRaw>(ctx, BOARD_SQL.clocks)) clocks.set(c[0], c)
  const held = new Map(ctx.store.prepare(BOARD_HELD_SQL).raw(true).all(minSegmentMs(ctx)) as [number, number][])
  const jobsByRo = new Map<number, JobOut[]>()
  for (const j of rows<JobRaw>(ctx, BOARD_SQL.jobs)) {
    const clock = clocks.get(j[0])
    push(jobsByRo, j[1], {
      id: j[0],
      roId: j[1],
      lineId: j[2],
      description: j[4],
      skill: j[5],
      state: j[9],
      pauseReason: j[10],
      technicianId: j[6],
      technicianName: j[7],
      bayId: j[8],
      bayCode: j[8] === null ? null : (bayCode.get(j[8]) ?? null),
      soldHoursMilli: j[11],
      clockedMs: clock?.[1] ?? 0,
      runningSince: clock?.[2] ?? null,
      heldSegments: held.get(j[0]) ?? 0,
      reworkCount: j[12],
      additional: j[3] !== null,
      version: j[13],
    })
  }
  for (const [id, roId, description, quantityMilli] of rows<LineRaw>(ctx, BOARD_SQL.lines)) {
    push(jobsByRo, roId, lineJobOut({ id, ro_id: roId, description, quantity_milli: quantityMilli }))
  }
  const pending = new Map(rows<[number, number]>(ctx, BOARD_SQL.additional))

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
  for (const [roId, jobs] of jobsByRo) {
    for (const job of jobs) {
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
