import type { Ctx } from '../api/context'
import { addDays } from '../../shared/domain/calendar'
import { coverageOfCategory } from '../../shared/domain/warranty'
import { CHECK_RULE_DEFAULTS, CHECK_RULES, type CheckFinding, type CheckRule, type CheckRuleSetting } from '../../shared/domain/warranty-check'
import { decimalFromMilli, yuan } from '../../shared/format/numbers'
import { translate } from '../../shared/i18n'
import { all, first } from '../store/query'
import { coverageLine, vehicleForCoverage } from './coverage'
import { approvedAuthority } from './registers/authority'

// The pre-submission check: each rule of warranty_check_rules that is enabled looks at the claim as
// it stands and names the field to fix. Pure reads; the caller decides what a finding stops.

export function checkRules(ctx: Ctx): CheckRuleSetting[] {
  const rows = all(ctx.store, ctx.store.db.selectFrom('warranty_check_rules').select(['rule', 'enabled', 'severity', 'param']))
  return CHECK_RULES.map((rule) => {
    const row = rows.find((r) => r.rule === rule)
    return row ? { rule, enabled: row.enabled === 1, severity: row.severity, param: row.param } : { rule, ...CHECK_RULE_DEFAULTS[rule] }
  })
}

function loadClaimForCheck(ctx: Ctx, claimId: number) {
  return first(
    ctx.store,
    ctx.store.db
      .selectFrom('warranty_claims as c')
      .innerJoin('repair_orders as r', 'r.id', 'c.ro_id')
      .leftJoin('parts as p', 'p.id', 'c.causal_part_id')
      .select([
        'c.id',
        'c.claim_type',
        'c.ro_id',
        'c.vehicle_id',
        'c.causal_part_id',
        'c.mileage_km',
        'c.concern',
        'c.cause',
        'c.correction',
        'c.total_fen',
        'r.opened_at',
        'r.completed_at',
        'p.part_number',
        'p.category',
      ])
      .where('c.id', '=', claimId),
  )
}
type ClaimForCheck = NonNullable<ReturnType<typeof loadClaimForCheck>>
type Emit = (rule: CheckRule, field: string, message: string, params?: Record<string, string | number>) => void

function coverageRule(ctx: Ctx, c: ClaimForCheck, emit: Emit): void {
  // Goodwill and campaigns are paid outside the warranty terms.
  if (c.claim_type === 'goodwill' || c.claim_type === 'campaign') return
  const vehicle = vehicleForCoverage(ctx.store, c.vehicle_id)
  if (!vehicle || vehicle.startsOn === null) return emit('coverage', 'vehicle', 'warranty.check.coverageUnknown')
  const coverage = coverageOfCategory(c.category)
  const line = coverageLine(ctx.store, vehicle, coverage, c.opened_at.slice(0, 10), c.mileage_km)
  if (!line || line.covered) return
  emit('coverage', line.endedBy === 'km' ? 'mileageKm' : 'vehicle', line.endedBy === 'km' ? 'warranty.check.coverageKm' : 'warranty.check.coverageDate', {
    coverage: translate(ctx.locale, `warranty.coverage.${coverage}`),
    untilDate: line.untilDate,
    untilKm: line.untilKm,
    mileageKm: c.mileage_km,
    repairDate: c.opened_at.slice(0, 10),
  })
}

function mileageRule(ctx: Ctx, c: ClaimForCheck, emit: Emit): void {
  const earlier = first(
    ctx.store,
    ctx.store.db
      .selectFrom('repair_orders')
      .select(['number', 'odometer_km'])
      .where('vehicle_id', '=', c.vehicle_id)
      .where('id', '!=', c.ro_id)
      .where('state', '!=', 'cancelled')
      .where('opened_at', '<', c.opened_at)
      .where('odometer_km', '>', c.mileage_km)
      .orderBy('odometer_km', 'desc')
      .limit(1),
  )
  if (earlier) emit('mileage_backwards', 'mileageKm', 'warranty.check.mileageBackwards', { mileageKm: c.mileage_km, earlierKm: earlier.odometer_km, roNumber: earlier.number })
}

function causalPartRule(ctx: Ctx, c: ClaimForCheck, emit: Emit): void {
  if (c.causal_part_id === null) return emit('causal_part_on_ro', 'causalPartId', 'warranty.check.causalPartMissing')
  const onRo = first(ctx.store, ctx.store.db.selectFrom('ro_lines').select('id').where('ro_id', '=', c.ro_id).where('part_id', '=', c.causal_part_id).limit(1))
  const partNumber = c.part_number ?? ''
  if (!onRo) return emit('causal_part_on_ro', 'causalPartId', 'warranty.check.causalPartNotOnRo', { partNumber })
  const issued = first(ctx.store, ctx.store.db.selectFrom('ro_part_issues').select('issued_milli').where('ro_id', '=', c.ro_id).where('part_id', '=', c.causal_part_id))
  if (!issued || issued.issued_milli <= 0) emit('causal_part_on_ro', 'causalPartId', 'warranty.check.causalPartNotIssued', { partNumber })
}

function duplicateRule(ctx: Ctx, c: ClaimForCheck, days: number, emit: Emit): void {
  const labour = all(ctx.store, ctx.store.db.selectFrom('warranty_claim_labour').select(['position', 'op_code']).where('claim_id', '=', c.id).orderBy('position'))
  const since = addDays(c.opened_at.slice(0, 10), -days)
  labour.forEach((l, i) => {
    if (!l.op_code) return
    const repeat = first(
      ctx.store,
      ctx.store.db
        .selectFrom('ro_lines as l')
        .innerJoin('repair_orders as r', 'r.id', 'l.ro_id')
        .select(['r.number', 'r.opened_at'])
        .where('r.vehicle_id', '=', c.vehicle_id)
        .where('r.id', '!=', c.ro_id)
        .where('r.state', '!=', 'cancelled')
        .where('l.op_code', '=', l.op_code)
        .where('r.opened_at', '>=', since)
        .where('r.opened_at', '<=', c.opened_at)
        .orderBy('r.opened_at', 'desc')
        .limit(1),
    )
    if (repeat) emit('duplicate_operation', `labour.${i}.opCode`, 'warranty.check.duplicateOperation', { opCode: l.op_code, roNumber: repeat.number, date: repeat.opened_at.slice(0, 10), days })
  })
}

function lateRule(ctx: Ctx, c: ClaimForCheck, days: number, emit: Emit): void {
  if (c.completed_at === null) return
  const deadline = addDays(c.completed_at.slice(0, 10), days)
  if (ctx.nowIso().slice(0, 10) > deadline) emit('late_submission', 'ro', 'warranty.check.lateSubmission', { completedOn: c.completed_at.slice(0, 10), days, deadline })
}

function oldPartRule(ctx: Ctx, c: ClaimForCheck, emit: Emit): void {
  if (c.causal_part_id === null) return
  const tag = first(
    ctx.store,
    ctx.store.db
      .selectFrom('old_parts')
      .select('id')
      .where('ro_id', '=', c.ro_id)
      .where('part_id', '=', c.causal_part_id)
      .where('warranty', '=', 1)
      .where('disposition', 'in', ['pending', 'kept_for_warranty', 'shipped_to_maker'])
      .limit(1),
  )
  if (!tag) emit('old_part_tagged', 'causalPartId', 'warranty.check.oldPartNotTagged', { partNumber: c.part_number ?? '' })
}

function narrativeRule(c: ClaimForCheck, min: number, emit: Emit): void {
  for (const field of ['concern', 'cause', 'correction'] as const) {
    const length = [...c[field].trim()].length
    if (length < min) emit('narrative', field, length === 0 ? 'warranty.check.narrativeMissing' : 'warranty.check.narrativeShort', { field: `warranty.field.${field}`, min, length })
  }
}

function labourHoursRule(ctx: Ctx, c: ClaimForCheck, emit: Emit): void {
  const rows = all(
    ctx.store,
    ctx.store.db
      .selectFrom('warranty_claim_labour as l')
      .innerJoin('labour_operations as o', 'o.code', 'l.op_code')
      .select(['l.position', 'l.op_code', 'l.hours_milli', 'o.flat_hours_milli'])
      .where('l.claim_id', '=', c.id)
      .orderBy('l.position'),
  )
  for (const r of rows) {
    if (r.hours_milli > r.flat_hours_milli) {
      emit('labour_hours', `labour.${r.position - 1}.hoursMilli`, 'warranty.check.labourHours', {
        opCode: r.op_code ?? '',
        hours: decimalFromMilli(r.hours_milli),
        standard: decimalFromMilli(r.flat_hours_milli),
      })
    }
  }
}

function authorityRule(ctx: Ctx, c: ClaimForCheck, authorityFen: number, emit: Emit): void {
  if (c.total_fen <= authorityFen) return
  const found = approvedAuthority(ctx, c.id, c.ro_id)
  const params = { total: yuan(c.total_fen), authority: yuan(authorityFen) }
  if (!found) return emit('authority', 'totalFen', 'warranty.check.authorityMissing', params)
  if ((found.approved_fen ?? 0) < c.total_fen) {
    emit('authority', 'totalFen', 'warranty.check.authorityShort', { ...params, number: found.number, approved: yuan(found.approved_fen ?? 0) })
  }
}

/** Every finding on the claim now, blocking ones first; an unknown claim has none. */
export function precheck(ctx: Ctx, claimId: number): CheckFinding[] {
  const c = loadClaimForCheck(ctx, claimId)
  if (!c) return []
  const findings: CheckFinding[] = []
  for (const setting of checkRules(ctx)) {
    if (!setting.enabled) continue
    const emit: Emit = (rule, field, message, params = {}) => findings.push({ rule, severity: setting.severity, field, message, params })
    const param = setting.param ?? CHECK_RULE_DEFAULTS[setting.rule].param ?? 0
    switch (setting.rule) {
      case 'coverage':
        coverageRule(ctx, c, emit)
        break
      case 'mileage_backwards':
        mileageRule(ctx, c, emit)
        break
      case 'causal_part_on_ro':
        causalPartRule(ctx, c, emit)
        break
      case 'duplicate_operation':
        duplicateRule(ctx, c, param, emit)
        break
      case 'late_submission':
        lateRule(ctx, c, param, emit)
        break
      case 'old_part_tagged':
        oldPartRule(ctx, c, emit)
        break
      case 'narrative':
        narrativeRule(c, param, emit)
        break
      case 'labour_hours':
        labourHoursRule(ctx, c, emit)
        break
      case 'authority':
        authorityRule(ctx, c, param, emit)
        break
    }
  }
  return [...findings.filter((f) => f.severity === 'block'), ...findings.filter((f) => f.severity === 'warn')]
}

/** A finding as one line of text in the caller's language (nested `field` keys translated too). */
export function findingText(ctx: Ctx, f: CheckFinding): string {
  const params = Object.fromEntries(Object.entries(f.params).map(([k, v]) => [k, k === 'field' && typeof v === 'string' ? translate(ctx.locale, v) : v]))
  return translate(ctx.locale, f.message, params)
}
