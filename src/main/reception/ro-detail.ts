import type { Ctx } from '../api/context'
import { allowedActions } from '../../shared/domain/ro-state'
import { totalsOf } from '../../shared/domain/money'
import type { Out } from './types'
import { customerOf, loadCustomer } from './customers'
import { loadVehicle, vehicleOf } from './vehicle-rows'
import { loadLines, loadRo } from './ro-rows'

// The whole repair order as the estimate screen shows it. Totals are recomputed from the lines
// here (per payer), the stored columns serve lists.

type RoDetailOut = Out<'ro.get'>

interface AuthorisationRow {
  id: number
  method: 'signature' | 'in_person' | 'phone'
  authorised_by: string
  signature_png: string | null
  note: string
  recorded_by: string
  at: string
  gross_fen: number
  content_hash: string
  superseded_at: string | null
}

export function getRoDetail(ctx: Ctx, id: number): RoDetailOut {
  const ro = loadRo(ctx, id)
  const advisor = ctx.store.prepare('SELECT id, display_name FROM users WHERE id = ?').get(ro.advisor_id) as {
    id: number
    display_name: string
  }
  const findings = ctx.store
    .prepare('SELECT kind, area, note FROM ro_findings WHERE ro_id = ? ORDER BY id')
    .all(id) as RoDetailOut['findings']
  const lines = loadLines(ctx, id)
  const authorisations = ctx.store
    .prepare(
      `SELECT a.id, a.method, a.authorised_by, a.signature_png, a.note, u.display_name AS recorded_by, a.at, a.gross_fen,
              a.content_hash, a.superseded_at
         FROM ro_authorisations a JOIN users u ON u.id = a.recorded_by
        WHERE a.ro_id = ? ORDER BY a.id`,
    )
    .all(id) as AuthorisationRow[]
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
