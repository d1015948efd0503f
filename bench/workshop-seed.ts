import type { Store } from '../src/main/store/open'

// A busy shop for the workshop benchmark, written straight into the store (it is the board's read
// path being measured, not check-in): 300 open ROs across every board column, 60 technicians,
// 1,500 jobs on the board, and a year of finished history (delivered ROs with their jobs and
// clocked time) that the board must not have to read.

export interface ShopScale {
  openRos: number
  technicians: number
  jobsPerRo: number
  historyRos: number
  bays: number
}

export const BENCH_SCALE: ShopScale = { openRos: 300, technicians: 60, jobsPerRo: 5, historyRos: 20_000, bays: 30 }

export interface SeededShop {
  technicianIds: number[]
  supervisorId: number
  /** A dispatched job of an RO in repair whose technician is idle: the push benchmark toggles it. */
  idleJob: { id: number; roId: number }
}

const HASH = 'scrypt$bench$not-a-real-hash'
const STATE_MIX: [string, number][] = [
  ['authorised', 0.13],
  ['in_progress', 0.6],
  ['quality_check', 0.1],
  ['washing', 0.05],
  ['ready', 0.12],
]

const pad = (n: number, w: number) => String(n).padStart(w, '0')
/** Local Shanghai time `minutes` after 2026-11-27 00:00. */
const at = (dayOffset: number, minutes: number) =>
  `${new Date(Date.UTC(2026, 10, 27 + dayOffset, 0, minutes)).toISOString().slice(0, 19)}+08:00`

export function seedBusyShop(store: Store, scale: ShopScale = BENCH_SCALE): SeededShop {
  return store.tx(() => {
    const now = at(0, 630)
    const user = store.prepare(
      `INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    const addUser = (name: string, role: string) => Number(user.run(name, name, role, HASH, now, now).lastInsertRowid)
    const supervisorId = addUser('bench-supervisor', 'workshop_supervisor')
    const advisors = Array.from({ length: 12 }, (_, i) => addUser(`bench-advisor-${i}`, 'service_advisor'))
    const technicianIds = Array.from({ length: scale.technicians }, (_, i) => addUser(`bench-tech-${i}`, 'technician'))
    const skills = ['general', 'mechanical', 'electrical', 'ev', 'body', 'paint']
    const tech = store.prepare('INSERT INTO technicians (user_id, allow_parallel, updated_at) VALUES (?, 0, ?)')
    const skill = store.prepare('INSERT INTO technician_skills (user_id, skill) VALUES (?, ?)')
    technicianIds.forEach((id, i) => {
      tech.run(id, now)
      skill.run(id, 'general')
      skill.run(id, skills[1 + (i % 5)]!)
    })
    const bay = store.prepare(`INSERT INTO bays (code, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`)
    const bayIds = Array.from({ length: scale.bays }, (_, i) =>
      Number(bay.run(`B${pad(i + 1, 2)}`, `工位${i + 1}`, i % 10 === 9 ? 'wash' : 'lift', now, now).lastInsertRowid),
    )

    const customer = store.prepare(`INSERT INTO customers (name, mobile, created_at, updated_at) VALUES (?, ?, ?, ?)`)
    const vehicle = store.prepare(
      `INSERT INTO vehicles (vin, vin_rev, plate, plate_tail, make, model, owner_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, '大众', '帕萨特 2.0T', ?, ?, ?)`,
    )
    const ro = store.prepare(
      `INSERT INTO repair_orders (number, type, state, customer_id, vehicle_id, advisor_id, odometer_km, fuel_eighths, concerns,
         promised_at, opened_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 30000, 4, '保养及检查', ?, ?, ?, ?)`,
    )
    const line = store.prepare(
      `INSERT INTO ro_lines (ro_id, position, kind, description, quantity_milli, unit_price_fen, amount_fen, payer, vat_rate_bp)
       VALUES (?, ?, 'labour', ?, ?, 30000, ?, 'customer', 1300)`,
    )
    const job = store.prepare(
      `INSERT INTO ro_jobs (ro_id, ro_line_id, description, technician_id, bay_id, state, pause_reason, sold_hours_milli,
         dispatched_at, finished_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const segment = store.prepare(
      `INSERT INTO job_time_segments (job_id, technician_id, started_at, ended_at, pause_reason) VALUES (?, ?, ?, ?, ?)`,
    )
    const types = ['maintenance', 'repair', 'warranty', 'insurance', 'internal', 'campaign']
    let seq = 0
    const addRo = (state: string, dayOffset: number) => {
      seq += 1
      const c = Number(customer.run(`客户${seq}`, `139${pad(seq, 8)}`, now, now).lastInsertRowid)
      const vin = `LSVBENCH${pad(seq, 9)}`
      const plate = `京B${pad(seq, 5)}`
      const v = Number(vehicle.run(vin, [...vin].reverse().join(''), plate, plate.slice(1), c, now, now).lastInsertRowid)
      const opened = at(dayOffset, 480 + (seq % 120))
      return Number(
        ro.run(`RO2026${pad(seq, 6)}`, types[seq % 6]!, state, c, v, advisors[seq % advisors.length]!, at(dayOffset, 1020 + (seq % 60)), opened, opened, opened)
          .lastInsertRowid,
      )
    }

    // History: delivered ROs of the past year, each job finished with two segments of clocked time.
    for (let i = 0; i < scale.historyRos; i++) {
      const day = -365 + Math.floor((i * 365) / scale.historyRos)
      const roId = addRo('delivered', day)
      for (let p = 1; p <= 3; p++) {
        const lineId = Number(line.run(roId, p, `历史作业${p}`, 1000, 30000).lastInsertRowid)
        const t = technicianIds[(i + p) % technicianIds.length]!
        const jobId = Number(job.run(roId, lineId, `历史作业${p}`, t, null, 'done', null, 1000, at(day, 540), at(day, 700), at(day, 540), at(day, 700)).lastInsertRowid)
        segment.run(jobId, t, at(day, 540 + p * 60), at(day, 570 + p * 60), 'break')
        segment.run(jobId, t, at(day, 580 + p * 60), at(day, 600 + p * 60), null)
      }
    }

    // The shop today.
    let idleJob: SeededShop['idleJob'] | null = null
    let running = 0
    const states = STATE_MIX.flatMap(([state, share]) => Array.from({ length: Math.round(share * scale.openRos) }, () => state))
    states.forEach((state, i) => {
      const roId = addRo(state, 0)
      const bayId = bayIds[i % bayIds.length]!
      for (let p = 1; p <= scale.jobsPerRo; p++) {
        const lineId = Number(line.run(roId, p, `作业${p}`, 500 + p * 100, 30000).lastInsertRowid)
        if (state === 'authorised') continue
        const t = technicianIds[(i * scale.jobsPerRo + p) % technicianIds.length]!
        let jobState = state === 'in_progress' ? (['done', 'running', 'paused', 'dispatched', 'pending'] as const)[p - 1]! : 'done'
        // One running job per technician at most, as the clock enforces.
        if (jobState === 'running' && running >= technicianIds.length) jobState = 'dispatched'
        if (jobState === 'running') running += 1
        const paused = jobState === 'paused' ? (i % 3 === 0 ? 'parts' : 'break') : null
        const assigned = jobState !== 'pending'
        const jobId = Number(
          job.run(roId, lineId, `作业${p}`, assigned ? t : null, assigned ? bayId : null, jobState, paused, 500 + p * 100,
            assigned ? at(0, 500) : null, jobState === 'done' ? at(0, 600) : null, at(0, 500), at(0, 600)).lastInsertRowid,
        )
        if (jobState === 'done' || jobState === 'paused') segment.run(jobId, t, at(0, 510), at(0, 560), jobState === 'paused' ? paused : null)
        if (jobState === 'done') segment.run(jobId, t, at(0, 570), at(0, 600), null)
        if (jobState === 'running') segment.run(jobId, t, at(0, 600), null, null)
        if (jobState === 'dispatched' && idleJob === null) idleJob = { id: jobId, roId }
      }
      if (state === 'in_progress' && i % 12 === 0) {
        store
          .prepare(`INSERT INTO additional_work (ro_id, vehicle_id, finding, raised_by, raised_at, updated_at)
                    SELECT id, vehicle_id, '发现刹车油含水量超标', ?, ?, ? FROM repair_orders WHERE id = ?`)
          .run(technicianIds[0]!, now, now, roId)
      }
    })
    if (idleJob === null) throw new Error('the bench shop has no dispatched job')
    store.sqlite.exec('ANALYZE')
    return { technicianIds, supervisorId, idleJob }
  })
}
