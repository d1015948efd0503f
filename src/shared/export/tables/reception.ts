import { RO_STATES } from '../../domain/ro-state'
import { RO_TYPES } from '../../domain/ro-type'
import { PAYERS } from '../../domain/payer'
import { col, type ExportTableSpec } from '../spec'

// Reception's tables (migration 0002): customers and vehicles, the catalogue estimates draw on,
// appointments and repair orders with their findings, lines and authorisations.

const updated = { kind: 'updated', column: 'updated_at' } as const
const stamps = [col.at('created_at'), col.at('updated_at')]

export const customers: ExportTableSpec = {
  name: 'customers',
  description: 'Customers (客户): people and companies that own vehicles.',
  naturalKey: ['id'],
  updatedAt: 'updated_at',
  tracking: updated,
  columns: [
    col.id(),
    col.pii('name', 'name'),
    col.oneOf('kind', ['person', 'company']),
    col.pii('mobile', 'phone'),
    col.pii('phone2', 'phone'),
    col.pii('address', 'address'),
    col.pii('note', 'note'),
    ...stamps,
    col.int('version'),
  ],
}

export const vehicles: ExportTableSpec = {
  name: 'vehicles',
  description: 'Vehicles (车辆) by VIN, with their current owner and odometer.',
  naturalKey: ['id'],
  updatedAt: 'updated_at',
  tracking: updated,
  columns: [
    col.id(),
    col.text('vin'),
    col.pii('plate', 'plate'),
    col.oneOf('energy', ['fuel', 'new_energy']),
    col.text('make'),
    col.text('model'),
    col.int('model_year', true),
    col.text('colour', true),
    col.text('engine_no', true),
    col.date('first_registered_on', true),
    col.int('owner_id'),
    col.int('odometer_km'),
    ...stamps,
    col.int('version'),
  ],
}

export const vehicleOwners: ExportTableSpec = {
  name: 'vehicle_owners',
  description: 'Ownership history of each vehicle; sent whole with its vehicle.',
  naturalKey: ['id'],
  updatedAt: null,
  tracking: { kind: 'children', parent: 'vehicles', parentColumn: 'vehicle_id' },
  columns: [col.id(), col.int('vehicle_id'), col.int('customer_id'), col.at('from_at'), col.at('to_at', true), col.int('recorded_by', true)],
}

export const odometerReadings: ExportTableSpec = {
  name: 'odometer_readings',
  description: 'Odometer readings (里程), append-only; corrections are new rows.',
  naturalKey: ['id'],
  updatedAt: null,
  tracking: { kind: 'append' },
  columns: [
    col.id(),
    col.int('vehicle_id'),
    col.int('km'),
    col.at('at'),
    col.oneOf('source', ['registration', 'check_in', 'correction']),
    col.int('ro_id', true),
    col.int('override_by', true),
    col.text('override_reason', true),
  ],
}

export const parts: ExportTableSpec = {
  name: 'parts',
  description: 'Parts catalogue (配件目录): prices in fen, moving-average cost.',
  naturalKey: ['part_number'],
  updatedAt: 'updated_at',
  tracking: updated,
  columns: [
    col.id(),
    col.text('part_number'),
    col.text('name'),
    col.text('brand', true),
    col.text('category', true),
    col.text('unit'),
    col.text('bin', true),
    col.int('price_fen'),
    col.int('cost_fen'),
    col.bool('active'),
    ...stamps,
    col.int('version'),
  ],
}

export const labourOperations: ExportTableSpec = {
  name: 'labour_operations',
  description: 'Labour operations (工时项目) with flat-rate hours in thousandths; sent whole when changed.',
  naturalKey: ['code'],
  updatedAt: null,
  tracking: { kind: 'snapshot' },
  columns: [col.text('code'), col.text('description'), col.int('flat_hours_milli'), col.bool('active')],
}

export const appointments: ExportTableSpec = {
  name: 'appointments',
  description: 'Appointments (预约) and how they ended (arrived, no-show, cancelled).',
  naturalKey: ['id'],
  updatedAt: 'updated_at',
  tracking: updated,
  columns: [
    col.id(),
    col.int('customer_id'),
    col.int('vehicle_id'),
    col.int('advisor_id'),
    col.at('starts_at'),
    col.int('duration_min'),
    col.text('concern'),
    col.oneOf('status', ['booked', 'arrived', 'no_show', 'cancelled']),
    col.int('ro_id', true),
    ...stamps,
    col.int('version'),
  ],
}

export const repairOrders: ExportTableSpec = {
  name: 'repair_orders',
  description: 'Repair orders (工单) with their totals in fen and life-cycle times.',
  naturalKey: ['number'],
  updatedAt: 'updated_at',
  tracking: updated,
  columns: [
    col.id(),
    col.text('number'),
    col.oneOf('type', RO_TYPES),
    col.oneOf('state', RO_STATES),
    col.int('customer_id'),
    col.int('vehicle_id'),
    col.int('advisor_id'),
    col.int('appointment_id', true),
    col.int('odometer_km'),
    col.int('fuel_eighths'),
    col.text('concerns'),
    col.at('promised_at', true),
    col.bool('return_old_parts'),
    col.int('net_fen'),
    col.int('vat_fen'),
    col.int('gross_fen'),
    col.at('opened_at'),
    col.at('completed_at', true),
    col.at('settled_at', true),
    col.at('delivered_at', true),
    col.at('cancelled_at', true),
    ...stamps,
    col.int('version'),
  ],
}

const ofRepairOrder = { kind: 'children', parent: 'repair_orders', parentColumn: 'ro_id' } as const

export const roLines: ExportTableSpec = {
  name: 'ro_lines',
  description: 'Labour and part lines of each repair order; sent whole with their order.',
  naturalKey: ['ro_id', 'position'],
  updatedAt: null,
  tracking: ofRepairOrder,
  columns: [
    col.id(),
    col.int('ro_id'),
    col.int('position'),
    col.oneOf('kind', ['labour', 'part']),
    col.text('op_code', true),
    col.int('part_id', true),
    col.text('description'),
    col.int('quantity_milli'),
    col.int('unit_price_fen'),
    col.int('amount_fen'),
    col.oneOf('payer', PAYERS),
    col.int('vat_rate_bp'),
  ],
}

export const roFindings: ExportTableSpec = {
  name: 'ro_findings',
  description: 'Walk-around findings at check-in (damage, valuables, warning lights).',
  naturalKey: ['id'],
  updatedAt: null,
  tracking: ofRepairOrder,
  columns: [
    col.id(),
    col.int('ro_id'),
    col.oneOf('kind', ['damage', 'valuable', 'warning_light']),
    col.text('area'),
    col.text('note'),
  ],
}

/** The signature image never leaves the dealership; who signed is personal data. */
export const roAuthorisations: ExportTableSpec = {
  name: 'ro_authorisations',
  description: 'Customer authorisations of estimates (客户确认), without the signature image.',
  naturalKey: ['id'],
  updatedAt: null,
  tracking: ofRepairOrder,
  columns: [
    col.id(),
    col.int('ro_id'),
    col.text('content_hash'),
    col.int('gross_fen'),
    col.oneOf('method', ['signature', 'in_person', 'phone']),
    col.pii('authorised_by', 'name'),
    { name: 'signed', type: 'boolean', sql: 't.signature_png IS NOT NULL', description: 'A signature image is on file.' },
    col.pii('note', 'note'),
    col.int('recorded_by'),
    col.at('at'),
    col.at('superseded_at', true),
  ],
}
