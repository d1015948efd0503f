import { CONCERNS, RO_TYPE_DRAW } from './order-lines'
import type { Fleet } from './seed-people'
import type { OpenOrder } from './seed-orders'
import type { World } from './world'

// Today's front desk: the appointment book around today's open repair orders, and the
// walk-around findings recorded at check-in.

const FINDINGS: readonly (readonly ['damage' | 'valuable' | 'warning_light', string, string])[] = [
  ['damage', '前保险杠', '右侧轻微划痕'],
  ['damage', '左后门', '凹陷约2厘米'],
  ['damage', '右前轮毂', '刮伤'],
  ['valuable', '副驾驶储物箱', '行车记录仪存储卡'],
  ['valuable', '后备箱', '儿童安全座椅'],
  ['warning_light', '仪表盘', '发动机故障灯亮'],
  ['warning_light', '仪表盘', '胎压报警灯亮'],
]

const SLOT_START = 8 * 60 + 30
const SLOT_END = 16 * 60 + 30

export function insertDesk(w: World, fleet: Fleet, open: readonly OpenOrder[]): void {
  const { store, rng, cal } = w
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertFinding = store.prepare('INSERT INTO ro_findings (ro_id, kind, area, note) VALUES (?, ?, ?, ?)')
  for (const ro of open) {
    const n = rng.int(0, 2)
    for (let i = 0; i < n; i++) {
      const [kind, area, note] = rng.pick(FINDINGS)
      insertFinding.run(ro.id, kind, area, note)
    }
  }
  if (fleet.vehicles === 0 || w.advisorIds.length === 0) return

  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertAppointment = store.prepare(
    `INSERT INTO appointments (customer_id, vehicle_id, advisor_id, starts_at, duration_min, concern, status, ro_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const linkRo = store.prepare('UPDATE repair_orders SET appointment_id = ? WHERE id = ?')
  const openVehicles = new Set(open.map((o) => o.vehicleId))
  const freeVehicle = () => {
    for (;;) {
      const v = rng.int(0, fleet.vehicles - 1)
      const id = fleet.firstVehicleId + v
      if (!openVehicles.has(id)) return { vehicleId: id, customerId: fleet.firstCustomerId + fleet.owner[v]! }
    }
  }
  const booked = (day: number) => cal.iso(day - rng.int(1, 7), rng.int(480, 1080))
  const slot = () => SLOT_START + 30 * rng.int(0, (SLOT_END - SLOT_START) / 30)
  const concern = () => rng.pick(CONCERNS[RO_TYPE_DRAW(rng)])

  // About half of today's open orders came in by appointment.
  for (const ro of open) {
    if (ro.day !== 0 || !rng.chance(0.5)) continue
    const startsAt = cal.iso(0, Math.max(0, Math.min(cal.nowMinute - 10, slot())))
    const createdAt = booked(0)
    const id = Number(
      insertAppointment.run(ro.customerId, ro.vehicleId, ro.advisorId, startsAt, 60, concern(), 'arrived', ro.id, createdAt, startsAt).lastInsertRowid,
    )
    linkRo.run(id, ro.id)
  }
  for (const advisorId of w.advisorIds) {
    const plan: readonly (readonly [number, number, 'booked' | 'no_show'])[] = [
      [-1, 1, 'no_show'],
      [0, rng.int(3, 5), 'booked'],
      [1, rng.int(2, 4), 'booked'],
    ]
    for (const [day, count, status] of plan) {
      for (let i = 0; i < count; i++) {
        const { vehicleId, customerId } = freeVehicle()
        const createdAt = booked(day)
        insertAppointment.run(customerId, vehicleId, advisorId, cal.iso(day, slot()), rng.pick([30, 60, 90, 120]), concern(), status, null, createdAt, createdAt)
      }
    }
  }
}
