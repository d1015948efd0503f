import type { Ctx } from '../api/context'
import { allowedActions } from '../../shared/domain/ro-state'
import { totalsOf } from '../../shared/domain/money'
import type { Out } from './types'
import { customerOf, loadCustomer } from './customers'
import { loadVehicle, vehicleOf } from './vehicle-rows'
import { loadLines, loadRo } from './ro-rows'
import { preparedQuery } from '../store/query'

// The whole repair order as the estimate screen shows it. Totals are recomputed from the lines
// here (per payer), the stored columns serve lists.

type RoDetailOut = Out<'ro.get'>

const advisorOf = preparedQuery<{ id: number }>()((db, p) => db.selectFrom('users').select(['id', 'display_name']).where('id', '=', p.id))
const findingsOf = preparedQuery<{ roId: number }>()((db, p) =>
  db.selectFrom('ro_findings').select(['kind', 'area', 'note']).where('ro_id', '=', p.roId).orderBy('id'),
)
const authorisationsOf = preparedQuery<{ roId: number }>()((db, p) =>
  db
    .selectFrom('ro_authorisations as a')
    .innerJoin('users as u', 'u.id', 'a.recorded_by')
    .select([
      'a.id',
      'a.method',
      'a.authorised_by',
      'a.signature_png',
      'a.note',
      'u.display_name as recorded_by',
      'a.at',
      'a.gross_fen',
      'a.content_hash',
      'a.superseded_at',
    ])
    .where('a.ro_id', '=', p.roId)
    .orderBy('a.id'),
)

export function getRoDetail(ctx: Ctx, id: number): RoDetailOut {
  const ro = loadRo(ctx, id)
  // The advisor is a foreign key of the RO: always there.
  const advisor = advisorOf.first(ctx.store, { id: ro.advisor_id })!
  const findings: RoDetailOut['findings'] = findingsOf.all(ctx.store, { roId: id })
  const lines = loadLines(ctx, id)
  const authorisations = authorisationsOf.all(ctx.store, { roId: id })
  const totals = totalsOf(lines.map((l) => ({ amountFen: l.amount_fen, vatRateBp: l.vat_rate_bp, payer: l.payer })))
  return {
    id: ro.id,
    number: ro.number,
    type: ro.type,
    state: ro.state,
    version: ro.version,
    customer: customerOf(loadCustomer(ctx, ro.customer_id)),
    vehicle: vehicleOf(loadVehicle(ctx, ro.vehicle_id)),
    advisor: { id: advisor.id, name: advisor.display_name },
    appointmentId: ro.appointment_id,
    odometerKm: ro.odometer_km,
    fuelEighths: ro.fuel_eighths,
    concerns: ro.concerns,
    promisedAt: ro.promised_at,
    returnOldParts: ro.return_old_parts === 1,
    openedAt: ro.opened_at,
    findings,
    lines: lines.map((l) => ({
      id: l.id,
      position: l.position,
      kind: l.kind,
      opCode: l.op_code,
      partId: l.part_id,
      partNumber: l.part_number,
      description: l.description,
      quantityMilli: l.quantity_milli,
      unitPriceFen: l.unit_price_fen,
      amountFen: l.amount_fen,
      payer: l.payer,
      vatRateBp: l.vat_rate_bp,
    })),
    totals,
    authorisations: authorisations.map((a) => ({
      id: a.id,
      method: a.method,
      authorisedBy: a.authorised_by,
      signaturePng: a.signature_png,
      note: a.note,
      recordedBy: a.recorded_by,
      at: a.at,
      grossFen: a.gross_fen,
      supersededAt: a.superseded_at,
    })),
    authorised: authorisations.some((a) => a.superseded_at === null && a.content_hash === ro.content_hash),
    allowedActions: allowedActions(ro.state),
  }
}
