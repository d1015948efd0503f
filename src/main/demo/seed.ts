import type { Clock } from '../../shared/domain/time'
import { toLocalIso } from '../../shared/domain/time'
import type { Role } from '../../shared/domain/roles'
import type { Store } from '../store/open'
import { hashPassword } from '../auth/password'
import { EventBuffer } from '../api/events'
import { ensureRules } from '../rules/catalog'
import { sweep } from '../rules/engine'
import { getSetting, setSetting } from '../settings/settings'
import { localCalendar } from './local-time'
import { personName } from './people-data'
import { createRng } from './random'
import { seedCatalogue } from './seed-catalogue'
import { insertDesk } from './seed-desk'
import { insertOrders, SETTLED_BY_SERVICE } from './seed-orders'
import { HISTORY, planOrders, type OrderPlan } from './order-plan'
import { insertPeople, planFleet } from './seed-people'
import { shopSpecs } from './shop-plan'
import { createSim } from './sim-ctx'
import { insertBays, insertTechnicians, shopParts } from './seed-workshop'
import { runShop } from './seed-shop'
import { insertWorkshopHistory } from './seed-workshop-history'
import { insertSuppliers, sendOpenOrder } from './seed-suppliers'
import { seedStock } from './seed-stock'
import { seedWarranty } from './seed-warranty'
import { settleHistory } from './seed-settlement'
import { seedCare } from './seed-care'
import { seedDepartment } from './seed-department'
import { seedDepartmentExtra } from './seed-department-extra'
import { seedCsi } from './seed-csi'
import { seedWarrantyCalls } from './seed-warranty-calls'
import { seedInsurance } from './seed-insurance'
import { seedFirstService } from './seed-first-service'
import type { DemoSize, World } from './world'
import { run as runQuery } from '../store/query'

export type { DemoSize } from './world'

export const DEMO_SIZES = {
  small: { customers: 300, vehicles: 400, repairOrders: 600, parts: 800, users: { advisors: 4, technicians: 6 } },
  standard: { customers: 3000, vehicles: 4000, repairOrders: 6000, parts: 5000, users: { advisors: 6, technicians: 10 } },
} as const satisfies Record<string, DemoSize>

export const DEMO_DEALER = { name: '广州粤骏汽车4S店（演示）', code: 'DEMO01' } as const

/** One seed for every demo: the same dealership on every machine and in every benchmark run. */
const SEED = 0x4d5a_2026

export interface DemoContext {
  store: Store
  clock: Clock
  timeZone: string
}

export interface DemoOptions {
  password: string
  scale: 'small' | 'standard' | DemoSize
}

interface StaffMember {
  username: string
  displayName: string
  role: Role
}

const ADVISOR_NAMES = ['王芳', '陈伟', '刘洋', '黄丽', '周杰', '林晓东', '吴婷', '郑海燕']
const TECH_NAMES = ['赵磊', '孙强', '马军', '朱勇', '胡涛', '郭鹏', '何斌', '罗亮', '梁超', '谢刚']

function staffList(advisors: number, technicians: number, rng: ReturnType<typeof createRng>): StaffMember[] {
  const named = (names: readonly string[], i: number) => names[i] ?? personName(rng)
  return [
    { username: 'manager', displayName: '张建国', role: 'service_manager' },
    { username: 'frontdesk', displayName: '李静', role: 'front_desk_supervisor' },
    ...Array.from({ length: advisors }, (_, i): StaffMember => ({ username: `advisor${i + 1}`, displayName: named(ADVISOR_NAMES, i), role: 'service_advisor' })),
    { username: 'workshop', displayName: '杨志强', role: 'workshop_supervisor' },
    ...Array.from({ length: technicians }, (_, i): StaffMember => ({ username: `tech${i + 1}`, displayName: named(TECH_NAMES, i), role: 'technician' })),
    { username: 'techsup', displayName: '徐振宏', role: 'technical_supervisor' },
    { username: 'partsup', displayName: '高建华', role: 'parts_supervisor' },
    { username: 'parts1', displayName: '曾凯', role: 'parts_clerk' },
    { username: 'parts2', displayName: '彭欣怡', role: 'parts_clerk' },
    { username: 'warranty', displayName: '邓思远', role: 'warranty_clerk' },
    { username: 'cashier', displayName: '韩雪', role: 'cashier' },
    { username: 'admin', displayName: '系统管理员', role: 'administrator' },
  ]
}

/**
 * Fills an empty, migrated store with a believable dealership: staff for every role, customers,
 * vehicles, the catalogue, a few years of closed repair orders, and today's desk. The same code
 * builds the benchmark data sets, so it writes with raw prepared statements in one transaction
 * (a savepoint when the dispatcher already holds one). The areas with rules of their own — the
 * parts ledger and purchasing, today's workshop, the cashier — are then replayed through their
 * services at simulated times; for big sets only the latest SETTLED_BY_SERVICE orders are (the
 * ledger and the cashier "went live" a week before them), so the cost follows orders per day.
 * `notes` lists workshop steps the services refused (none expected).
 */
export function seedDemoDealership(ctx: DemoContext, opts: DemoOptions): { usernames: { username: string; role: Role }[]; notes: string[] } {
  const size: DemoSize = typeof opts.scale === 'string' ? DEMO_SIZES[opts.scale] : opts.scale
  const { store } = ctx
  return store.tx(() => {
    const now = ctx.clock.now()
    const nowIso = toLocalIso(now, ctx.timeZone)
    const rng = createRng(SEED)
    setSetting(store, 'dealer.name', DEMO_DEALER.name)
    setSetting(store, 'dealer.code', DEMO_DEALER.code)
    setSetting(store, 'setup.initialised', true)
    setSetting(store, 'setup.demo', true)

    // scrypt is deliberately slow: one hash shared by every demo account.
    const passwordHash = hashPassword(opts.password)
    const staff = staffList(Math.max(1, size.users?.advisors ?? 6), Math.max(1, size.users?.technicians ?? 10), rng)
    // raw SQL: bulk generator speed — prepared once, run for every generated row
    const insertUser = store.prepare(
      'INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    const advisorIds: number[] = []
    for (const s of staff) {
      const id = Number(insertUser.run(s.username, s.displayName, s.role, passwordHash, nowIso, nowIso).lastInsertRowid)
      if (s.role === 'service_advisor') advisorIds.push(id)
    }

    const world: World = {
      store,
      rng,
      cal: localCalendar(now, ctx.timeZone),
      size,
      labourRateFen: getSetting(store, 'labour.rateFen'),
      vatRateBp: getSetting(store, 'vat.rateBp'),
      advisorIds,
      partIdsByFit: new Map(),
      partMake: new Map(),
      partPriceFen: new Map(),
      partName: new Map(),
    }
    seedCatalogue(world, nowIso)
    const fleet = planFleet(world)
    const technicians = staff.filter((s) => s.role === 'technician').length
    const shop = shopSpecs(technicians, world.cal.nowMinute)
    const plan = planOrders(world, fleet, shop)
    insertPeople(world, fleet)
    const { open, settle } = insertOrders(world, fleet, plan, shop)
    insertDesk(world, fleet, open)

    // The areas that run on services: replayed through them, each call at its moment.
    // The rules engine would judge every replayed step at its past moment: slow, and the alerts
    // of the past are not today's inbox. Rules sleep through the replay and are swept once, now.
    ensureRules(store, nowIso)
    runQuery(store, store.db.updateTable('rules').set({ enabled: 0 }))
    const goLiveDay = goLiveOf(plan)
    const sim = createSim(store, ctx.timeZone, Date.parse(world.cal.iso(goLiveDay - 1, 9 * 60)))
    const techs = insertTechnicians(world, nowIso)
    insertBays(world, techs.length, nowIso)
    const supplierOf = insertSuppliers(world, sim)
    const below = seedStock(world, sim, supplierOf, { goLiveDay, ...shopParts(world, open) })
    sendOpenOrder(world, sim, below)
    const notes = runShop(world, sim, open, techs, now.getTime())
    insertWorkshopHistory(world, techs, ctx.timeZone)
    settleHistory(world, sim, seedInsurance(world, sim, settle, open, now.getTime()), now.getTime())
    seedWarranty(world, sim, now.getTime())
    seedCare(world, nowIso, ctx.timeZone)
    seedDepartment(store, ctx.timeZone, nowIso.slice(0, 10), nowIso)
    seedCsi(store, nowIso.slice(0, 10), nowIso)
    seedWarrantyCalls(world, nowIso.slice(0, 10), nowIso)
    seedDepartmentExtra(store, sim, nowIso.slice(0, 10), nowIso)
    seedFirstService(world, nowIso.slice(0, 10), nowIso)
    runQuery(store, store.db.updateTable('rules').set({ enabled: 1 }))
    sweep({ store, clock: ctx.clock, timeZone: ctx.timeZone, nowIso: () => nowIso, events: new EventBuffer() })
    return { usernames: staff.map((s) => ({ username: s.username, role: s.role })), notes }
  })
}

/**
 * The day the store's parts ledger and cashier went live: a week before the first order that is
 * settled through the services (so a big benchmark set keeps only its latest months of them).
 */
function goLiveOf(plan: OrderPlan): number {
  const first = Math.max(0, plan.history - SETTLED_BY_SERVICE)
  let ordinal = 0
  for (let i = 0; i < plan.count; i++) {
    if (plan.role[i] !== HISTORY) continue
    if (ordinal++ === first) return Math.min(plan.day[i]!, -2) - 7
  }
  return -30
}
