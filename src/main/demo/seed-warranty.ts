import { sql } from 'kysely'
import type { ClaimState } from '../../shared/domain/warranty'
import { claimFromRo, saveClaim } from '../warranty/claims'
import { sqlAll, sqlRun } from '../store/query'
import { input, type Sim } from './sim-ctx'
import type { World } from './world'

// The warranty clerk's history (三包索赔): claims for the warranty repairs of the last two months,
// built from their ROs through the warranty services a few days after completion, with the
// narrative written out; then each is taken along the way the maker answered — most approved and
// paid, some still with the maker, some returned with the maker's reason, a few rejected and
// written off. The last few days' repairs are left unclaimed: today's work.

const DAY = 86_400_000
const CAUSES = ['导轨磨损，电机齿轮打齿', '密封圈老化开裂导致渗漏', '线束插接件端子腐蚀接触不良', '轴承早期磨损产生异响', '控制模块内部故障，读取故障码确认']
const CORRECTIONS = ['更换总成并做初始化匹配，试车正常', '更换密封件并加注，保压检测无渗漏', '修复插接件并做防水处理，复检正常', '更换轴承及油封，路试异响消除', '更换控制模块并编程，清除故障码试车正常']
const RETURNS = ['缺少故障部位照片', '故障代码与维修措施不符', '旧件照片不清晰，请补传', '工时代码填写错误']
const REJECTS = ['人为损坏，不属于质量问题', '超出保修期']

type Path = { states: ClaimState[]; reason?: string }

type Rng = World['rng']

/** The maker's usual answers: most approved and paid, some pending, returned, rejected. */
function pathOf(roll: number, rng: Rng): Path {
  if (roll <= 55) return { states: ['checked', 'submitted', 'approved', 'paid'] }
  if (roll <= 70) return { states: ['checked', 'submitted'] }
  if (roll <= 82) return { states: ['checked', 'submitted', 'returned'], reason: rng.pick(RETURNS) }
  if (roll <= 88) return { states: ['checked', 'submitted', 'returned', 'resubmitted', 'approved'], reason: rng.pick(RETURNS) }
  if (roll <= 94) return { states: ['checked', 'submitted', 'rejected', 'written_off'], reason: rng.pick(REJECTS) }
  return { states: [] }
}

const EVERY_PATH: readonly ((rng: Rng) => Path)[] = [1, 60, 75, 85, 90].map((roll) => (rng: Rng) => pathOf(roll, rng))

export function seedWarranty(w: World, sim: Sim, nowMs: number): void {
  const { store, rng } = w
  const clerk = sim.as('warranty')
  const from = new Date(nowMs - 60 * DAY).toISOString()
  const until = new Date(nowMs - 4 * DAY).toISOString()
  // raw SQL: the generator's one pass over the warranty repairs to claim
  const ros = sqlAll<{ id: number; completed_at: string }>(
    store,
    sql`SELECT r.id, r.completed_at FROM repair_orders r
        WHERE r.state IN ('settled', 'delivered') AND r.completed_at IS NOT NULL
          AND datetime(r.completed_at) >= datetime(${from}) AND datetime(r.completed_at) < datetime(${until})
          AND EXISTS (SELECT 1 FROM ro_lines l WHERE l.ro_id = r.id AND l.payer = 'warranty')
        ORDER BY r.completed_at, r.id`,
  )
  for (const [index, ro] of ros.entries()) {
    const at = Date.parse(ro.completed_at) + rng.int(1, 3) * DAY
    sim.clock.set(at)
    const claim = claimFromRo(clerk, input('warranty.claim.fromRo', { roId: ro.id }))
    const i = rng.int(0, CAUSES.length - 1)
    const saved = saveClaim(
      clerk,
      input('warranty.claim.save', {
        id: claim.id,
        version: claim.version,
        claimType: 'general',
        causalPartId: claim.causalPart?.id ?? null,
        failureCode: `P${rng.int(1000, 2999)}`,
        mileageKm: claim.mileageKm,
        concern: claim.concern.length >= 10 ? claim.concern : `${claim.concern}，客户反映多次出现`,
        cause: CAUSES[i]!,
        correction: CORRECTIONS[i]!,
        labour: claim.labour.map((l) => ({ opCode: l.opCode, description: l.description, hoursMilli: l.hoursMilli, rateFen: l.rateFen })),
        parts: claim.parts.map((p) => ({ ...(p.partId === null ? {} : { partId: p.partId }), description: p.description, quantityMilli: p.quantityMilli, unitPriceFen: p.unitPriceFen })),
        expenses: [],
      }),
    )
    const roll = rng.int(1, 100)
    // The oldest claims take each of the maker's answers in turn, so the desk shows every state
    // whatever the draw; the rest follow the usual shares.
    const path: Path = index < EVERY_PATH.length ? EVERY_PATH[index]!(rng) : pathOf(roll, rng)
    // The maker's answers are history, not today's pre-check: written as they were recorded.
    let state: ClaimState = 'draft'
    let ms = at
    let submissions = 0
    for (const next of path.states) {
      ms += next === 'checked' ? 2 * 3_600_000 : rng.int(2, 8) * DAY
      if (ms > nowMs - 3_600_000) break
      sim.clock.set(ms)
      const iso = sim.clock.iso
      const reason = next === 'returned' || next === 'rejected' ? (path.reason ?? '') : next === 'written_off' ? '厂家拒赔，经理同意核销' : ''
      if (next === 'submitted' || next === 'resubmitted') submissions += 1
      // raw SQL: bulk generator speed — one status step of a past claim
      sqlRun(store, sql`INSERT INTO warranty_claim_log (claim_id, from_state, to_state, at, user_id, reason) VALUES (${saved.id}, ${state}, ${next}, ${iso}, ${clerk.user.id}, ${reason})`)
      sqlRun(
        store,
        sql`UPDATE warranty_claims SET state = ${next}, version = version + 1, updated_at = ${iso}, submissions = ${submissions},
              first_submitted_at = CASE WHEN ${next} = 'submitted' THEN ${iso} ELSE first_submitted_at END,
              submitted_at = CASE WHEN ${next} IN ('submitted', 'resubmitted') THEN ${iso} ELSE submitted_at END,
              decided_at = CASE WHEN ${next} IN ('approved', 'returned', 'rejected') THEN ${iso} ELSE decided_at END,
              approved_fen = CASE WHEN ${next} = 'approved' THEN total_fen ELSE approved_fen END,
              paid_fen = CASE WHEN ${next} = 'paid' THEN approved_fen ELSE paid_fen END
            WHERE id = ${saved.id}`,
      )
      state = next
    }
  }
}
