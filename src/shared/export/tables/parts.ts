import {
  EXTERNAL_STATES,
  OLD_PART_DISPOSITIONS,
  PO_STATES,
  RECEIPT_DIFFERENCES,
  SHORTAGE_OUTCOMES,
  STOCKTAKE_STATES,
} from '../../contract/parts-shapes'
import { col, type ExportTableSpec } from '../spec'

// The parts counter's documents (migration 0004): suppliers, purchase orders and their receipts,
// external purchases, old parts, stocktakes, and per RO what was requested and issued. Tables
// without `updated_at` are tracked by the latest of their own life-cycle times (`changed_at`).

const updated = { kind: 'updated', column: 'updated_at' } as const
const stamps = [col.at('created_at'), col.at('updated_at')]
/** (ro_id, part_id) as one increasing number, the tie-breaker of the WITHOUT ROWID tables below. */
const roPartTieBreak = 't.ro_id * 4294967296 + t.part_id'
const changedAt = (sql: string) => ({ name: 'changed_at', type: 'datetime', sql, description: 'Latest change of the row.' }) as const

/** A supplier's contact is a person: name and phone are personal data. */
export const suppliers: ExportTableSpec = {
  name: 'suppliers',
  description: 'Parts suppliers (供应商).',
  naturalKey: ['id'],
  updatedAt: 'updated_at',
  tracking: updated,
  columns: [
    col.id(),
    col.text('code'),
    col.text('name'),
    col.pii('contact', 'name'),
    col.pii('phone', 'phone'),
    col.text('note', true),
    col.bool('active'),
    ...stamps,
    col.int('version'),
  ],
}

export const purchaseOrders: ExportTableSpec = {
  name: 'purchase_orders',
  description: 'Purchase orders (采购订单) to suppliers; receiving stamps the order.',
  naturalKey: ['number'],
  updatedAt: 'updated_at',
  tracking: updated,
  columns: [
    col.id(),
    col.text('number'),
    col.int('supplier_id'),
    col.oneOf('state', PO_STATES),
    col.text('note'),
    col.int('created_by'),
    col.at('created_at'),
    col.at('sent_at', true),
    col.at('closed_at', true),
    col.at('updated_at'),
    col.int('version'),
  ],
}

export const poLines: ExportTableSpec = {
  name: 'po_lines',
  description: 'Lines of each purchase order (special orders name their RO); sent whole with their order.',
  naturalKey: ['id'],
  updatedAt: null,
  tracking: { kind: 'children', parent: 'purchase_orders', parentColumn: 'po_id' },
  columns: [
    col.id(),
    col.int('po_id'),
    col.int('part_id'),
    col.int('quantity_milli'),
    col.int('unit_cost_fen'),
    col.int('received_milli'),
    col.int('ro_id', true),
    col.int('customer_id', true),
    col.text('note'),
  ],
}

export const poReceipts: ExportTableSpec = {
  name: 'po_receipts',
  description: 'Goods receipts against purchase orders (入库), append-only.',
  naturalKey: ['id'],
  updatedAt: null,
  tracking: { kind: 'append' },
  columns: [col.id(), col.int('po_id'), col.at('at'), col.int('user_id'), col.text('note')],
}

export const poReceiptLines: ExportTableSpec = {
  name: 'po_receipt_lines',
  description: 'Lines of each goods receipt with differences found (short, over, damaged …), append-only.',
  naturalKey: ['id'],
  updatedAt: null,
  tracking: { kind: 'append' },
  columns: [
    col.id(),
    col.int('receipt_id'),
    col.int('po_line_id'),
    col.int('expected_milli'),
    col.int('received_milli'),
    col.int('unit_cost_fen'),
    col.oneOf('difference', RECEIPT_DIFFERENCES, true),
    col.text('note'),
    col.int('move_id', true),
  ],
}

export const externalPurchases: ExportTableSpec = {
  name: 'external_purchases',
  description: 'Parts bought outside the supply chain (外采) and their incoming inspection.',
  naturalKey: ['id'],
  updatedAt: 'changed_at',
  tracking: { kind: 'updated', column: 'changed_at' },
  columns: [
    col.id(),
    col.int('ro_id', true),
    col.int('part_id'),
    col.text('supplier_name'),
    col.int('quantity_milli'),
    col.int('unit_cost_fen'),
    col.text('invoice_ref'),
    col.text('note'),
    col.oneOf('state', EXTERNAL_STATES),
    col.int('requested_by'),
    col.at('created_at'),
    col.int('decided_by', true),
    col.at('decided_at', true),
    col.text('qc_note'),
    col.int('move_id', true),
    col.int('version'),
    changedAt('coalesce(t.decided_at, t.created_at)'),
  ],
}

export const oldParts: ExportTableSpec = {
  name: 'old_parts',
  description: 'Old parts (旧件) taken off vehicles and what became of them.',
  naturalKey: ['tag'],
  updatedAt: 'changed_at',
  tracking: { kind: 'updated', column: 'changed_at' },
  columns: [
    col.id(),
    col.text('tag'),
    col.int('ro_id'),
    col.int('part_id', true),
    col.text('description'),
    col.int('quantity_milli'),
    col.bool('warranty'),
    col.oneOf('disposition', OLD_PART_DISPOSITIONS),
    col.text('note'),
    col.int('created_by'),
    col.at('created_at'),
    col.int('disposed_by', true),
    col.at('disposed_at', true),
    col.int('version'),
    changedAt('coalesce(t.disposed_at, t.created_at)'),
  ],
}

export const stocktakes: ExportTableSpec = {
  name: 'stocktakes',
  description: 'Stocktakes (盘点); every count stamps the stocktake.',
  naturalKey: ['number'],
  updatedAt: 'updated_at',
  tracking: updated,
  columns: [
    col.id(),
    col.text('number'),
    col.oneOf('scope', ['all', 'bins']),
    col.text('bin_from', true),
    col.text('bin_to', true),
    col.oneOf('state', STOCKTAKE_STATES),
    col.int('frozen_move_id'),
    col.text('note'),
    col.int('created_by'),
    col.at('created_at'),
    col.int('decided_by', true),
    col.at('decided_at', true),
    col.at('updated_at'),
    col.int('version'),
  ],
}

export const stocktakeLines: ExportTableSpec = {
  name: 'stocktake_lines',
  description: 'Book and counted quantity per part of a stocktake; sent whole with it.',
  naturalKey: ['stocktake_id', 'part_id'],
  updatedAt: null,
  tracking: { kind: 'children', parent: 'stocktakes', parentColumn: 'stocktake_id' },
  columns: [
    col.int('stocktake_id'),
    col.int('part_id'),
    col.text('bin', true),
    col.int('book_milli'),
    col.int('book_value_fen'),
    col.int('unit_cost_fen'),
    col.int('counted_milli', true),
    col.int('counted_by', true),
    col.at('counted_at', true),
    col.int('move_id', true),
  ],
}

export const partRequests: ExportTableSpec = {
  name: 'part_requests',
  description: 'First request of a part for an RO at the counter, and the outcome of a shortage (fill rate, 满足率).',
  naturalKey: ['ro_id', 'part_id'],
  updatedAt: 'changed_at',
  tracking: { kind: 'updated', column: 'changed_at', tieBreak: roPartTieBreak },
  columns: [
    col.int('ro_id'),
    col.int('part_id'),
    col.int('requested_milli'),
    col.at('first_at'),
    col.bool('served_from_stock'),
    col.oneOf('outcome', SHORTAGE_OUTCOMES, true),
    col.at('outcome_at', true),
    col.text('note'),
    col.int('user_id'),
    changedAt('coalesce(t.outcome_at, t.first_at)'),
  ],
}

export const roPartIssues: ExportTableSpec = {
  name: 'ro_part_issues',
  description: 'Net quantity and value of each part issued to an RO (returns deducted).',
  naturalKey: ['ro_id', 'part_id'],
  updatedAt: 'last_issue_at',
  tracking: { kind: 'updated', column: 'last_issue_at', tieBreak: roPartTieBreak },
  columns: [
    col.int('ro_id'),
    col.int('part_id'),
    col.int('issued_milli'),
    col.int('issued_value_fen'),
    col.at('first_issue_at'),
    col.at('last_issue_at'),
  ],
}
