import { PAYERS } from '../../domain/payer'
import { col, type ExportTableSpec } from '../spec'

// The parts ledger (migration 0004) and settlement and rules (0006): stock moves, settlements
// with their invoices and the gate pass, payments, and alerts. Settling, reversing and delivering
// all stamp the repair order, so what hangs off an order travels with it as a complete set.

const ofRepairOrder = { kind: 'children', parent: 'repair_orders', parentColumn: 'ro_id' } as const

export const stockMoves: ExportTableSpec = {
  name: 'stock_moves',
  description: 'Every change of stock (receipt, issue to RO, return, adjustment, stocktake, transfer); append-only ledger.',
  naturalKey: ['id'],
  updatedAt: null,
  tracking: { kind: 'append' },
  columns: [
    col.id(),
    col.int('part_id'),
    col.at('at'),
    col.oneOf('kind', ['receipt', 'issue', 'return', 'adjustment', 'stocktake', 'transfer']),
    col.int('quantity_milli'),
    col.int('unit_cost_fen'),
    col.int('value_fen'),
    col.int('on_hand_milli_after'),
    col.int('value_fen_after'),
    col.int('user_id', true),
    col.text('reason'),
    col.oneOf('ref_type', ['ro', 'po', 'stocktake', 'external', 'manual'], true),
    col.int('ref_id', true),
    col.text('bin', true),
  ],
}

export const settlements: ExportTableSpec = {
  name: 'settlements',
  description: 'Settlements of repair orders and their reversals; sent whole with their order.',
  naturalKey: ['id'],
  updatedAt: null,
  tracking: ofRepairOrder,
  columns: [
    col.id(),
    col.int('ro_id'),
    col.oneOf('kind', ['settle', 'reversal']),
    col.int('reverses_id', true),
    col.int('gross_fen'),
    col.int('discount_fen'),
    col.text('reason'),
    col.pii('note', 'note'),
    col.int('user_id'),
    col.at('at'),
  ],
}

export const invoices: ExportTableSpec = {
  name: 'invoices',
  description: 'Invoices per payer and credit notes; sent whole with their order.',
  naturalKey: ['number'],
  updatedAt: null,
  tracking: ofRepairOrder,
  columns: [
    col.id(),
    col.text('number'),
    col.int('settlement_id'),
    col.int('ro_id'),
    col.oneOf('payer', PAYERS),
    col.int('customer_id', true),
    col.oneOf('kind', ['invoice', 'credit']),
    col.int('reversal_of', true),
    col.int('net_fen'),
    col.int('vat_fen'),
    col.int('gross_fen'),
    col.int('discount_fen'),
    col.oneOf('state', ['issued', 'reversed']),
    col.text('insurer', true),
    col.text('claim_no', true),
    col.at('issued_at'),
    col.int('issued_by'),
    col.at('reversed_at', true),
  ],
}

export const deliveries: ExportTableSpec = {
  name: 'deliveries',
  description: 'Gate passes (出门证): delivery of a repair order, on credit or paid.',
  naturalKey: ['ro_id'],
  updatedAt: null,
  tracking: ofRepairOrder,
  columns: [col.int('ro_id'), col.text('gate_pass_no'), col.at('delivered_at'), col.int('user_id'), col.bool('on_credit'), col.int('outstanding_fen')],
}

export const payments: ExportTableSpec = {
  name: 'payments',
  description: 'Payments against invoices; a refund is a new negative row (append-only).',
  naturalKey: ['id'],
  updatedAt: null,
  tracking: { kind: 'append' },
  columns: [
    col.id(),
    col.int('invoice_id'),
    col.oneOf('method', ['cash', 'bank_card', 'wechat_pay', 'alipay', 'transfer']),
    col.int('amount_fen'),
    col.text('reference'),
    col.at('at'),
    col.int('user_id'),
    col.int('reversal_of', true),
  ],
}

/** Message parameters can name a customer or a plate, so they count as a note. */
export const alerts: ExportTableSpec = {
  name: 'alerts',
  description: 'Rule alerts (stock thresholds, settlement deadlines …) and how they were handled.',
  naturalKey: ['id'],
  updatedAt: 'updated_at',
  tracking: { kind: 'updated', column: 'updated_at' },
  columns: [
    col.id(),
    col.int('rule_id'),
    { name: 'rule_kind', type: 'text', sql: '(SELECT r.kind FROM rules r WHERE r.id = t.rule_id)' },
    col.oneOf('subject_type', ['part', 'ro', 'invoice', 'stocktake', 'department']),
    col.int('subject_id'),
    col.oneOf('stage', ['warning', 'breach']),
    col.oneOf('state', ['open', 'acknowledged', 'snoozed', 'resolved']),
    col.text('message_key'),
    col.pii('message_params', 'note'),
    col.at('first_raised_at'),
    col.at('raised_at'),
    col.at('updated_at'),
    col.at('snoozed_until', true),
    col.int('acknowledged_by', true),
    col.at('acknowledged_at', true),
    col.at('resolved_at', true),
    col.int('resolved_by', true),
    col.bool('dismissed'),
    col.pii('note', 'note'),
    col.int('version'),
  ],
}
