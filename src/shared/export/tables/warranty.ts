import { CLAIM_STATES, CLAIM_TYPES } from '../../domain/warranty'
import { DIFFERENCE_DISPOSITIONS } from '../../domain/warranty-money'
import { PART_HANDLINGS, SHIPMENT_STATES } from '../../domain/warranty-parts'
import { col, type ExportTableSpec } from '../spec'

// The warranty desk (migrations 0011 and 0015, schema version 3): claims with their lines,
// payment and write-off as complete sets (every edit, payment and write-off stamps the claim),
// the status log, return shipments and the kept warranty old parts.

const ofClaim = { kind: 'children', parent: 'warranty_claims', parentColumn: 'claim_id' } as const
const changedAt = (sql: string) => ({ name: 'changed_at', type: 'datetime', sql, description: 'Latest change of the row.' }) as const

export const warrantyClaims: ExportTableSpec = {
  name: 'warranty_claims',
  description: 'Warranty claims (索赔单) to the maker: type, state, causal part, narrative, amounts claimed, approved and paid.',
  naturalKey: ['number'],
  updatedAt: 'updated_at',
  tracking: { kind: 'updated', column: 'updated_at' },
  since: 3,
  columns: [
    col.id(),
    col.text('number'),
    col.int('ro_id'),
    col.int('vehicle_id'),
    col.oneOf('claim_type', CLAIM_TYPES),
    col.oneOf('state', CLAIM_STATES),
    col.int('causal_part_id', true),
    col.text('failure_code'),
    col.int('mileage_km'),
    col.text('concern'),
    col.text('cause'),
    col.text('correction'),
    col.int('labour_fen'),
    col.int('parts_fen'),
    col.int('other_fen'),
    col.int('total_fen'),
    col.int('approved_fen', true),
    col.int('paid_fen', true),
    col.text('maker_ref'),
    col.int('submissions'),
    col.at('first_submitted_at', true),
    col.at('submitted_at', true),
    col.at('decided_at', true),
    col.int('created_by'),
    col.at('created_at'),
    col.at('updated_at'),
    col.int('version'),
  ],
}

export const warrantyClaimLabour: ExportTableSpec = {
  name: 'warranty_claim_labour',
  description: 'Labour operations of a claim; sent whole with their claim.',
  naturalKey: ['claim_id', 'position'],
  updatedAt: null,
  tracking: ofClaim,
  since: 3,
  columns: [col.int('claim_id'), col.int('position'), col.text('op_code', true), col.text('description'), col.int('hours_milli'), col.int('rate_fen'), col.int('amount_fen')],
}

export const warrantyClaimParts: ExportTableSpec = {
  name: 'warranty_claim_parts',
  description: 'Parts of a claim; sent whole with their claim.',
  naturalKey: ['claim_id', 'position'],
  updatedAt: null,
  tracking: ofClaim,
  since: 3,
  columns: [col.int('claim_id'), col.int('position'), col.int('part_id', true), col.text('description'), col.int('quantity_milli'), col.int('unit_price_fen'), col.int('amount_fen')],
}

export const warrantyClaimExpenses: ExportTableSpec = {
  name: 'warranty_claim_expenses',
  description: 'Other expenses of a claim (sublet, towing); sent whole with their claim.',
  naturalKey: ['claim_id', 'position'],
  updatedAt: null,
  tracking: ofClaim,
  since: 3,
  columns: [col.int('claim_id'), col.int('position'), col.oneOf('kind', ['sublet', 'towing', 'other']), col.text('description'), col.int('amount_fen')],
}

export const warrantyClaimPayments: ExportTableSpec = {
  name: 'warranty_claim_payments',
  description: "The maker's payment of a claim against the RO's warranty invoice (from a payment list or by hand); sent with its claim.",
  naturalKey: ['claim_id'],
  updatedAt: null,
  tracking: ofClaim,
  since: 3,
  columns: [
    col.int('claim_id'),
    col.int('invoice_id'),
    col.int('payment_id', true),
    col.int('import_id', true),
    col.int('line', true),
    col.int('claimed_fen'),
    col.int('paid_fen'),
    col.text('reference'),
    col.int('user_id'),
    col.at('at'),
  ],
}

export const warrantyWriteOffs: ExportTableSpec = {
  name: 'warranty_write_offs',
  description: 'What the maker did not pay of a claim, written off or re-charged, with the reason; sent with its claim.',
  naturalKey: ['id'],
  updatedAt: null,
  tracking: ofClaim,
  since: 3,
  columns: [
    col.id(),
    col.int('claim_id'),
    col.int('invoice_id'),
    col.int('amount_fen'),
    col.oneOf('disposition', DIFFERENCE_DISPOSITIONS),
    col.text('reason'),
    col.int('import_id', true),
    col.int('user_id'),
    col.at('at'),
  ],
}

export const warrantyClaimLog: ExportTableSpec = {
  name: 'warranty_claim_log',
  description: 'Status log of claims: every state change with who, when and why (the basis of the first-submission pass rate).',
  naturalKey: ['id'],
  updatedAt: null,
  tracking: { kind: 'append' },
  since: 3,
  columns: [col.id(), col.int('claim_id'), col.oneOf('from_state', CLAIM_STATES, true), col.oneOf('to_state', CLAIM_STATES), col.at('at'), col.int('user_id'), col.text('reason')],
}

export const warrantyShipments: ExportTableSpec = {
  name: 'warranty_shipments',
  description: 'Return shipments (回运单) of warranty old parts to the maker: shipped with a waybill, received with the maker’s receipt.',
  naturalKey: ['number'],
  updatedAt: 'changed_at',
  tracking: { kind: 'updated', column: 'changed_at' },
  since: 3,
  columns: [
    col.id(),
    col.text('number'),
    col.oneOf('state', SHIPMENT_STATES),
    col.text('carrier'),
    col.text('waybill'),
    col.text('receipt_ref'),
    col.text('note'),
    col.int('created_by'),
    col.at('created_at'),
    col.int('shipped_by', true),
    col.at('shipped_at', true),
    col.int('received_by', true),
    col.at('received_at', true),
    col.int('version'),
    changedAt('coalesce(t.received_at, t.shipped_at, t.created_at)'),
  ],
}

export const warrantyOldParts: ExportTableSpec = {
  name: 'warranty_old_parts',
  description: 'Warranty old parts kept for their claim: storage place, return or retain, deadline, shipment, scrap authorisation.',
  naturalKey: ['old_part_id'],
  updatedAt: 'changed_at',
  tracking: { kind: 'updated', column: 'changed_at' },
  since: 3,
  columns: [
    col.int('old_part_id'),
    col.int('claim_id'),
    col.text('place'),
    col.oneOf('handling', PART_HANDLINGS),
    col.date('due_on'),
    col.int('shipment_id', true),
    col.text('scrap_reason'),
    col.int('scrapped_by', true),
    col.at('scrapped_at', true),
    col.int('kept_by'),
    col.at('kept_at'),
    // Packing a part into a shipment stamps the shipment, not the part: its creation counts here.
    changedAt("max(t.kept_at, coalesce(t.scrapped_at, ''), coalesce((SELECT s.created_at FROM warranty_shipments s WHERE s.id = t.shipment_id), ''))"),
  ],
}
