import type { Generated } from 'kysely'

// Row types of the store, one interface per table, kept in step with the migrations
// (the schema snapshot test fails when they drift apart).

export interface SettingsTable {
  key: string
  value: string
}

export interface UsersTable {
  id: Generated<number>
  username: string
  display_name: string
  role: string
  password_hash: string
  active: Generated<number>
  locale: Generated<string>
  created_at: string
  updated_at: string
}

export interface SessionsTable {
  token_hash: string
  user_id: number
  created_at: string
  last_seen_at: string
  expires_at: string
}

export interface DevicesTable {
  id: Generated<number>
  name: string
  token_hash: string
  created_by: number
  created_at: string
  revoked_at: string | null
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  user_id: number | null
  channel: string
  action: string
  entity: string | null
  entity_id: string | null
  detail: string | null
}

export interface SequencesTable {
  name: string
  value: number
}

export interface CustomersTable {
  id: Generated<number>
  name: string
  kind: Generated<'person' | 'company'>
  mobile: string | null
  phone2: string | null
  address: string | null
  note: string | null
  created_at: string
  updated_at: string
  version: Generated<number>
}

export interface VehiclesTable {
  id: Generated<number>
  vin: string
  vin_rev: string
  plate: string | null
  plate_tail: string | null
  energy: Generated<'fuel' | 'new_energy'>
  make: string
  model: string
  model_year: number | null
  colour: string | null
  engine_no: string | null
  first_registered_on: string | null
  owner_id: number
  odometer_km: Generated<number>
  created_at: string
  updated_at: string
  version: Generated<number>
}

export interface VehicleOwnersTable {
  id: Generated<number>
  vehicle_id: number
  customer_id: number
  from_at: string
  to_at: string | null
  recorded_by: number | null
}

export interface OdometerReadingsTable {
  id: Generated<number>
  vehicle_id: number
  km: number
  at: string
  source: 'registration' | 'check_in' | 'correction'
  ro_id: number | null
  override_by: number | null
  override_reason: string | null
}

export interface PartsTable {
  id: Generated<number>
  part_number: string
  part_key: string
  name: string
  brand: string | null
  category: string | null
  unit: Generated<string>
  bin: string | null
  price_fen: number
  cost_fen: Generated<number>
  active: Generated<number>
  created_at: string
  updated_at: string
  version: Generated<number>
}

export interface LabourOperationsTable {
  code: string
  description: string
  flat_hours_milli: number
  active: Generated<number>
}

export interface AppointmentsTable {
  id: Generated<number>
  customer_id: number
  vehicle_id: number
  advisor_id: number
  starts_at: string
  duration_min: Generated<number>
  concern: Generated<string>
  status: Generated<'booked' | 'arrived' | 'no_show' | 'cancelled'>
  ro_id: number | null
  created_at: string
  updated_at: string
  version: Generated<number>
}

export interface RepairOrdersTable {
  id: Generated<number>
  number: string
  type: string
  state: string
  customer_id: number
  vehicle_id: number
  advisor_id: number
  appointment_id: number | null
  odometer_km: number
  fuel_eighths: number
  concerns: string
  promised_at: string | null
  return_old_parts: Generated<number>
  net_fen: Generated<number>
  vat_fen: Generated<number>
  gross_fen: Generated<number>
  content_hash: Generated<string>
  opened_at: string
  completed_at: string | null
  settled_at: string | null
  delivered_at: string | null
  cancelled_at: string | null
  created_at: string
  updated_at: string
  version: Generated<number>
}

export interface RoFindingsTable {
  id: Generated<number>
  ro_id: number
  kind: 'damage' | 'valuable' | 'warning_light'
  area: string
  note: Generated<string>
}

export interface RoLinesTable {
  id: Generated<number>
  ro_id: number
  position: number
  kind: 'labour' | 'part'
  op_code: string | null
  part_id: number | null
  description: string
  quantity_milli: number
  unit_price_fen: number
  amount_fen: number
  payer: string
  vat_rate_bp: number
}

export interface RoAuthorisationsTable {
  id: Generated<number>
  ro_id: number
  content_hash: string
  gross_fen: number
  method: 'signature' | 'in_person' | 'phone'
  authorised_by: string
  signature_png: string | null
  note: Generated<string>
  recorded_by: number
  at: string
  superseded_at: string | null
}

export interface DB {
  settings: SettingsTable
  users: UsersTable
  sessions: SessionsTable
  devices: DevicesTable
  audit_log: AuditLogTable
  sequences: SequencesTable
  customers: CustomersTable
  vehicles: VehiclesTable
  vehicle_owners: VehicleOwnersTable
  odometer_readings: OdometerReadingsTable
  parts: PartsTable
  labour_operations: LabourOperationsTable
  appointments: AppointmentsTable
  repair_orders: RepairOrdersTable
  ro_findings: RoFindingsTable
  ro_lines: RoLinesTable
  ro_authorisations: RoAuthorisationsTable
}
