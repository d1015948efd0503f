import type { RoLineCheck } from '../repair-order/line-check'
import { AppError } from '../api/app-error'
import { roleHas } from '../../shared/domain/roles'
import { coverageOfCategory, type Coverage } from '../../shared/domain/warranty'
import { translate } from '../../shared/i18n'
import { all, run } from '../store/query'
import { coverageLine, vehicleForCoverage } from './coverage'

// The check when lines are written onto an RO (the estimate saved, additional work approved): a
// line the maker is to pay (payer `warranty`) must be within the vehicle's coverage on the RO's
// date and odometer reading. Out of coverage is refused
// with the coverage, its end and the reading, unless someone holding `warranty.override` gives a
// reason, which is recorded (table and audit). A vehicle whose warranty start is unknown passes
// here — the claim's pre-check blocks it until the warranty clerk records the start.

export const checkWarrantyLines: RoLineCheck = (ctx, ro, lines, overrideReason) => {
  const warranty = lines.filter((l) => l.payer === 'warranty')
  if (warranty.length === 0) return
  const vehicle = vehicleForCoverage(ctx.store, ro.vehicle_id)
  if (!vehicle || vehicle.startsOn === null) return
  const partIds = warranty.flatMap((l) => (l.kind === 'part' && l.partId !== null ? [l.partId] : []))
  const categories = partIds.length === 0 ? [] : all(ctx.store, ctx.store.db.selectFrom('parts').select('category').where('id', 'in', partIds))
  // Labour is judged with the parts it fits; labour alone, against the basic coverage.
  const needed = new Set<Coverage>(categories.length === 0 ? ['basic'] : categories.map((c) => coverageOfCategory(c.category)))
  const onDate = ro.opened_at.slice(0, 10)
  const out = [...needed].flatMap((c) => {
    const line = coverageLine(ctx.store, vehicle, c, onDate, ro.odometer_km)
    return line && !line.covered ? [line] : []
  })
  const first = out[0]
  if (!first) return
  const params = {
    coverage: translate(ctx.locale, `warranty.coverage.${first.coverage}`),
    untilDate: first.untilDate,
    untilKm: first.untilKm,
    odometerKm: ro.odometer_km,
  }
  if (overrideReason === undefined) {
    throw new AppError('VALIDATION', 'warranty.lineOutOfCoverage', params, {
      fields: [{ field: 'warrantyOverride', message: 'warranty.lineOutOfCoverage' }],
      outOfCoverage: out.map((l) => ({ coverage: l.coverage, untilDate: l.untilDate, untilKm: l.untilKm, endedBy: l.endedBy })),
    })
  }
  if (!roleHas(ctx.user.role, 'warranty.override')) throw new AppError('FORBIDDEN', 'warranty.overrideForbidden')
  const at = ctx.nowIso()
  for (const line of out) {
    run(ctx.store, ctx.store.db.insertInto('warranty_line_overrides').values({ ro_id: ro.id, coverage: line.coverage, reason: overrideReason, user_id: ctx.user.id, at }))
  }
  ctx.audit({
    action: 'warranty.lineOverride',
    entity: 'repair_order',
    entityId: ro.id,
    detail: { coverage: out.map((l) => `warranty.coverage.${l.coverage}`), reason: overrideReason, odometerKm: ro.odometer_km },
  })
}
