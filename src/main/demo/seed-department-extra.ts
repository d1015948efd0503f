import { addDays, lastDateOfMonth } from '../../shared/domain/calendar'
import { campaignCode } from '../../shared/domain/campaign'
import { COMEBACK_DAYS } from '../../shared/domain/quality'
import { DEFAULT_REPORT_DUE_DAY, monthsBack, nextMonth, reportDueOn } from '../../shared/domain/dept-report'
import { inviteTarget, saveCampaign } from '../department/campaigns'
import { closeIncident } from '../quality/incidents'
import { comebacks } from '../quality/comebacks'
import { registerComeback } from '../quality/comeback-decide'
import { all, insertId, run } from '../store/query'
import { createRng } from './random'
import type { Sim } from './sim-ctx'
import type { Store } from '../store/open'

// The department's campaigns and quality register for the demo (issue 14):
// - one service campaign for each of the last three months, with its invitation list (cars that
//   came in during the campaign and cars that did not), the invitation calls on the care call log,
//   the campaign code on the ROs of the invited cars that came, and the manager's cost and summary;
// - this month's campaign planned (for the cars whose first service is due, a group apart from the
//   service-due cars a manager would invite next) with its list built and not yet called, so the
//   one-campaign-a-month rule is quiet on a fresh demo;
// - the monthly report handed in for the months before last (once late), last month's still due;
// - a few comebacks the system proposes registered as quality incidents by the technical
//   supervisor, analysed and, for the past months, closed; the rest stay proposed.
// Its own random source, so the rest of the demo is the same with or without it.

const PAST = [
  { name: '秋季空调免费检测', discountBp: 1000, pkg: '空调清洗套餐', priceFen: 19_900, check: '空调系统免费检测' },
  { name: '老客户回厂关怀月', discountBp: 1500, pkg: '基础保养套餐', priceFen: 39_900, check: '底盘与刹车免费检查' },
  { name: '轮胎安全检查季', discountBp: 800, pkg: '四轮定位套餐', priceFen: 12_800, check: '轮胎磨损与气压检查' },
] as const
const SUMMARIES = ['邀约接通率较高，到店客户多选择空调清洗套餐；下月加强对未接通客户的二次邀约。', '老客户回厂积极，套餐转化好；电话邀约集中在下午效果更佳。', '轮胎检查带动四轮定位和换胎业务，活动成本可控。']
const WHAT = ['同一故障短期内再次进厂', '质检发现作业不到位需返工']
const ANALYSIS = ['技师未按作业指导书复检，紧固力矩不足', '诊断不彻底，只处理了表面故障', '配件安装后未做路试验证']
const HANDLING = ['免费返修并对技师进行专项培训，纳入月度绩效', '重新诊断更换相关部件，向客户致歉并赠送保养券']

export function seedDepartmentExtra(store: Store, sim: Sim, today: string, nowIso: string): void {
  const users = all(store, store.db.selectFrom('users').select(['id', 'role']).where('active', '=', 1).orderBy('id'))
  const idsOf = (role: string) => users.filter((u) => u.role === role).map((u) => u.id)
  const manager0 = idsOf('service_manager')[0]
  const advisors = idsOf('service_advisor')
  if (manager0 === undefined || advisors.length === 0) return
  const people = { manager: manager0, techSup: idsOf('technical_supervisor')[0] ?? manager0, frontDesk: idsOf('front_desk_supervisor')[0] ?? manager0, advisors }
  const rng = createRng(0x5e_0014)
  const offset = nowIso.slice(19)
  const month = today.slice(0, 7)
  const at = (day: string, hhmm: string) => `${day}T${hhmm}:00${offset}`
  const db = store.db

  for (const [k, offer] of PAST.entries()) {
    const m = monthsBack(month, 3 - k)
    const startsOn = `${m}-01`
    const endsOn = lastDateOfMonth(m)
    const planned = at(addDays(startsOn, -6), '10:00')
    const id = insertId(
      store,
      db.insertInto('campaigns').values({
        code: campaignCode(m, 1),
        name: offer.name,
        month: m,
        starts_on: startsOn,
        ends_on: endsOn,
        labour_discount_bp: offer.discountBp,
        package_name: offer.pkg,
        package_price_fen: offer.priceFen,
        free_check: offer.check,
        target_source: 'all',
        cost_fen: rng.int(8, 20) * 10_000,
        summary: SUMMARIES[k]!,
        created_by: people.manager,
        created_at: planned,
        updated_at: at(addDays(endsOn, 3), '17:00'),
      }),
    )
    // Cars that came during the campaign (their first RO in its dates) and cars that did not.
    const came = all(
      store,
      db
        .selectFrom('repair_orders as r')
        .innerJoin('vehicles as v', 'v.id', 'r.vehicle_id')
        .select(['r.id as ro_id', 'r.vehicle_id', 'v.owner_id', 'r.opened_at', 'r.advisor_id'])
        .where('r.state', '!=', 'cancelled')
        .where('r.type', '!=', 'internal')
        .where('r.opened_at', '>=', startsOn)
        .where('r.opened_at', '<', addDays(endsOn, 1))
        .orderBy('r.opened_at'),
    )
    const firstVisit = new Map<number, (typeof came)[number]>()
    for (const r of came) if (!firstVisit.has(r.vehicle_id) && addDays(r.opened_at.slice(0, 10), 0) >= addDays(startsOn, 3)) firstVisit.set(r.vehicle_id, r)
    const arrivals = [...firstVisit.values()].filter(() => rng.chance(0.5)).slice(0, 12)
    const stayed = all(
      store,
      db
        .selectFrom('vehicles as v')
        .select(['v.id as vehicle_id', 'v.owner_id'])
        .where((eb) => eb.not(eb.exists(eb.selectFrom('repair_orders as r').select('r.id').whereRef('r.vehicle_id', '=', 'v.id').where('r.opened_at', '>=', startsOn).where('r.opened_at', '<', addDays(endsOn, 1)))))
        .orderBy('v.id')
        .limit(400),
    ).filter(() => rng.chance(0.1)).slice(0, 16)

    const invite = (vehicleId: number, customerId: number, callDay: string, arrival: (typeof arrivals)[number] | null) => {
      const advisor = arrival?.advisor_id ?? rng.pick(people.advisors)
      const reached = arrival !== null || rng.chance(0.55)
      const booked = arrival !== null ? rng.chance(0.8) : reached && rng.chance(0.2)
      const start = at(callDay, `${rng.int(9, 16)}:${String(rng.int(0, 5) * 10).padStart(2, '0')}`)
      const end = start.replace(/:(\d\d):00/, (_, mm: string) => `:${String(Number(mm) + 3).padStart(2, '0')}:00`)
      const inviteId = insertId(
        store,
        db.insertInto('campaign_invites').values({
          campaign_id: id,
          vehicle_id: vehicleId,
          customer_id: customerId,
          state: booked ? 'booked' : reached ? 'declined' : 'open',
          attempts: reached ? 1 : 2,
          reached_at: reached ? end : null,
          closed_at: reached ? end : null,
          created_at: planned,
        }),
      )
      if (!reached) {
        run(store, db.insertInto('care_calls').values({ invite_id: inviteId, user_id: advisor, started_at: start, ended_at: start, outcome: 'no_answer', created_at: start }))
        const again = at(addDays(callDay, 2), '15:00')
        run(store, db.insertInto('care_calls').values({ invite_id: inviteId, user_id: advisor, started_at: again, ended_at: again, outcome: 'no_answer', created_at: again }))
        return
      }
      run(store, db.insertInto('care_calls').values({ invite_id: inviteId, user_id: advisor, started_at: start, ended_at: end, outcome: 'reached', remark: booked ? '客户已预约到店' : '客户暂无需要', created_at: end }))
      if (arrival) run(store, db.insertInto('campaign_ros').values({ ro_id: arrival.ro_id, campaign_id: id, set_by: arrival.advisor_id, set_at: arrival.opened_at }))
    }
    for (const a of arrivals) invite(a.vehicle_id, a.owner_id, addDays(a.opened_at.slice(0, 10), -rng.int(1, 3)), a)
    for (const s of stayed) invite(s.vehicle_id, s.owner_id, addDays(startsOn, rng.int(0, 10)), null)
  }

  // This month's campaign, planned on the 25th of last month, its list built then.
  sim.clock.set(Date.parse(at(addDays(`${month}-01`, -6), '10:00')))
  const manager = sim.asId(people.manager)
  const current = saveCampaign(manager, {
    draft: {
      name: '新车首保关怀',
      startsOn: `${month}-01`,
      endsOn: lastDateOfMonth(month),
      labourDiscountBp: 0,
      packageName: '首次保养套餐',
      packagePriceFen: 29_900,
      freeCheck: '全车 30 项免费检测',
      target: { source: 'first_service', model: null, ageMin: null, ageMax: null },
    },
  })
  inviteTarget(manager, { id: current.id })

  // Comebacks the technical supervisor registered: one or two a past month, analysed and closed;
  // one this month, analysed, still open.
  for (const k of [3, 2, 1, 0]) {
    const m = monthsBack(month, k)
    const endOfMonth = k === 0 ? nowIso : at(lastDateOfMonth(m), '17:30')
    sim.clock.set(Date.parse(endOfMonth))
    const techSup = sim.asId(people.techSup)
    const proposed = comebacks(techSup, { month: m, withinDays: COMEBACK_DAYS })
    for (const p of proposed.slice(0, k === 0 ? 1 : 2)) {
      const incident = registerComeback(techSup, {
        key: p.key,
        withinDays: COMEBACK_DAYS,
        what: `${WHAT[p.source === 'qc_rework' ? 1 : 0]}（${p.roNumber}）`,
        analysis: rng.pick(ANALYSIS),
        handling: rng.pick(HANDLING),
        costFen: rng.int(2, 12) * 5_000,
      })
      if (k > 0) closeIncident(techSup, { id: incident.id, version: incident.version })
    }
  }

  // The department report of the months before last, handed in on the 3rd and 4th of the next
  // month (the manager once on the 8th, late); last month's is still to be handed in.
  for (const k of [4, 3, 2]) {
    const m = monthsBack(month, k)
    const dueOn = reportDueOn(m, DEFAULT_REPORT_DUE_DAY)
    const next = nextMonth(m)
    run(
      store,
      db.insertInto('dept_report_handins').values([
        { month: m, role: 'front_desk_supervisor', user_id: people.frontDesk, handed_in_at: at(`${next}-03`, '17:20'), due_on: dueOn },
        { month: m, role: 'service_manager', user_id: people.manager, handed_in_at: at(`${next}-${k === 3 ? '08' : '04'}`, '10:05'), due_on: dueOn },
      ]),
    )
  }
}
