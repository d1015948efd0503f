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

export interface LoginEventsTable {
  id: Generated<number>
  at: string
  username: string
  user_id: number | null
  outcome: 'success' | 'failure' | 'lockout' | 'unlock'
  scope: Generated<'user' | 'address'>
  address: string
  device: string | null
  locked_until: string | null
  by_user_id: number | null
}

export interface DB {
  settings: SettingsTable
  users: UsersTable
  sessions: SessionsTable
  devices: DevicesTable
  audit_log: AuditLogTable
  login_events: LoginEventsTable
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
  export_batches: ExportBatchesTable
  export_deliveries: ExportDeliveriesTable
  job_runs: JobRunsTable
  bays: BaysTable
  technicians: TechniciansTable
  technician_skills: TechnicianSkillsTable
  additional_work: AdditionalWorkTable
  additional_work_lines: AdditionalWorkLinesTable
  ro_jobs: RoJobsTable
  job_time_segments: JobTimeSegmentsTable
  qc_checklist_items: QcChecklistItemsTable
  qc_inspections: QcInspectionsTable
  qc_inspection_items: QcInspectionItemsTable
  qc_rework: QcReworkTable
  display_tokens: DisplayTokensTable
  suppliers: SuppliersTable
  part_suppliers: PartSuppliersTable
  part_stock: PartStockTable
  stock_moves: StockMovesTable
  ro_part_issues: RoPartIssuesTable
  part_requests: PartRequestsTable
  purchase_orders: PurchaseOrdersTable
  po_lines: PoLinesTable
  po_receipts: PoReceiptsTable
  po_receipt_lines: PoReceiptLinesTable
  external_purchases: ExternalPurchasesTable
  old_parts: OldPartsTable
  stocktakes: StocktakesTable
  stocktake_lines: StocktakeLinesTable
  part_search_dirty: PartSearchDirtyTable
  settlements: SettlementsTable
  invoices: InvoicesTable
  payments: PaymentsTable
  receivables: ReceivablesView
  deliveries: DeliveriesTable
  rules: RulesTable
  rules_revision: RulesRevisionTable
  alerts: AlertsTable
  target_snapshots: TargetSnapshotsTable
  month_figures: MonthFiguresTable
  warranty_terms: WarrantyTermsTable
  warranty_starts: WarrantyStartsTable
  warranty_line_overrides: WarrantyLineOverridesTable
  warranty_claims: WarrantyClaimsTable
  warranty_claim_labour: WarrantyClaimLabourTable
  warranty_claim_parts: WarrantyClaimPartsTable
  warranty_claim_expenses: WarrantyClaimExpensesTable
  warranty_claim_log: WarrantyClaimLogTable
  warranty_claim_overrides: WarrantyClaimOverridesTable
  warranty_check_rules: WarrantyCheckRulesTable
  warranty_payment_imports: WarrantyPaymentImportsTable
  warranty_claim_payments: WarrantyClaimPaymentsTable
  warranty_write_offs: WarrantyWriteOffsTable
  warranty_part_rules: WarrantyPartRulesTable
  warranty_shipments: WarrantyShipmentsTable
  warranty_old_parts: WarrantyOldPartsTable
  warranty_claim_sanbao: WarrantyClaimSanbaoTable
  warranty_registers: WarrantyRegistersTable
  warranty_register_log: WarrantyRegisterLogTable
  care_followups: CareFollowupsTable
  care_calls: CareCallsTable
  care_call_answers: CareCallAnswersTable
  care_survey_templates: CareSurveyTemplatesTable
  care_survey_questions: CareSurveyQuestionsTable
  care_complaints: CareComplaintsTable
  care_complaint_actions: CareComplaintActionsTable
  care_reminders: CareRemindersTable
  care_reminder_runs: CareReminderRunsTable
  dept_targets: DeptTargetsTable
  dept_target_months: DeptTargetMonthsTable
  dept_target_people: DeptTargetPeopleTable
  scorecard_reviews: ScorecardReviewsTable
  training_sessions: TrainingSessionsTable
  training_attendees: TrainingAttendeesTable
  repair_cases: RepairCasesTable
  fives_items: FivesItemsTable
  fives_audits: FivesAuditsTable
  fives_scores: FivesScoresTable
  fives_findings: FivesFindingsTable
  csi_results: CsiResultsTable
  csi_items: CsiItemsTable
  insurance_claims: InsuranceClaimsTable
  insurance_assessment_lines: InsuranceAssessmentLinesTable
  insurance_supplements: InsuranceSupplementsTable
  attachments: AttachmentsTable
  warranty_first_service_terms: WarrantyFirstServiceTermsTable
  warranty_calls: WarrantyCallsTable
  warranty_call_runs: WarrantyCallRunsTable
  warranty_first_services: WarrantyFirstServicesTable
  campaigns: CampaignsTable
  campaign_invites: CampaignInvitesTable
  campaign_ros: CampaignRosTable
  quality_incidents: QualityIncidentsTable
  comeback_dismissals: ComebackDismissalsTable
  dept_report_handins: DeptReportHandinsTable
  etiquette_items: EtiquetteItemsTable
  etiquette_checks: EtiquetteChecksTable
  etiquette_results: EtiquetteResultsTable
  kpi_targets: KpiTargetsTable
}

export interface ExportBatchesTable {
  id: string
  seq: number
  first_business_date: string
  business_date: string
  previous_id: string | null
  cutoff: string
  created_at: string
  dir: string
  manifest_sha256: string
  rows: number
  bytes: number
  watermarks: string
  adopted: Generated<number>
}

export interface ExportDeliveriesTable {
  batch_id: string
  target_id: string
  status: 'pending' | 'delivered'
  attempts: Generated<number>
  next_attempt_at: string | null
  last_attempt_at: string | null
  last_error: string | null
  delivered_at: string | null
}

export interface JobRunsTable {
  id: Generated<number>
  job: string
  started_at: string
  finished_at: string
  ok: number
  message: Generated<string>
}

// Workshop (migration 0005).
export interface BaysTable {
  id: Generated<number>
  code: string
  name: string
  kind: 'general' | 'lift' | 'alignment' | 'paint_booth' | 'wash'
  active: Generated<number>
  created_at: string
  updated_at: string
}

export interface TechniciansTable {
  user_id: number
  allow_parallel: Generated<number>
  updated_at: string
}

export interface TechnicianSkillsTable {
  user_id: number
  skill: string
}

export interface AdditionalWorkTable {
  id: Generated<number>
  ro_id: number
  vehicle_id: number
  finding: string
  state: Generated<'raised' | 'approved' | 'declined'>
  raised_by: number
  raised_at: string
  net_fen: Generated<number>
  decision_method: 'in_person' | 'phone' | 'signature' | null
  decided_by: string | null
  decision_note: string | null
  recorded_by: number | null
  decided_at: string | null
  follow_up: 'taken_up' | 'dismissed' | null
  follow_up_ro_id: number | null
  follow_up_at: string | null
  updated_at: string
  version: Generated<number>
}

export interface AdditionalWorkLinesTable {
  id: Generated<number>
  additional_work_id: number
  position: number
  kind: 'labour' | 'part'
  op_code: string | null
  part_id: number | null
  description: string
  quantity_milli: number
  unit_price_fen: number
  amount_fen: number
  payer: string
  ro_line_id: number | null
}

export interface RoJobsTable {
  id: Generated<number>
  ro_id: number
  ro_line_id: number | null
  additional_line_id: number | null
  description: string
  skill: string | null
  technician_id: number | null
  bay_id: number | null
  state: string
  pause_reason: string | null
  sold_hours_milli: number
  rework_count: Generated<number>
  dispatched_at: string | null
  finished_at: string | null
  created_at: string
  updated_at: string
  version: Generated<number>
}

export interface JobTimeSegmentsTable {
  id: Generated<number>
  job_id: number
  technician_id: number
  started_at: string
  ended_at: string | null
  pause_reason: string | null
  corrected_by: number | null
  correction_reason: string | null
  short_confirmed_by: number | null
  short_confirmed_at: string | null
}

export interface QcChecklistItemsTable {
  id: Generated<number>
  ro_type: string
  position: number
  label: string
  active: Generated<number>
}

export interface QcInspectionsTable {
  id: Generated<number>
  ro_id: number
  result: 'pass' | 'fail'
  wash: Generated<number>
  inspector_id: number
  at: string
  note: Generated<string>
}

export interface QcInspectionItemsTable {
  inspection_id: number
  item_id: number
  ok: number
  checked: Generated<number>
  note: Generated<string>
}

export interface QcReworkTable {
  inspection_id: number
  job_id: number
  reason: string
}

export interface DisplayTokensTable {
  id: Generated<number>
  name: string
  token_hash: string
  created_by: number
  created_at: string
  revoked_at: string | null
  last_seen_at: string | null
}

// Parts counter (migration 0004-parts).

export interface SuppliersTable {
  id: Generated<number>
  code: string
  name: string
  contact: string | null
  phone: string | null
  note: string | null
  active: Generated<number>
  created_at: string
  updated_at: string
  version: Generated<number>
}

export interface PartSuppliersTable {
  part_id: number
  supplier_id: number
}

export interface PartStockTable {
  part_id: number
  on_hand_milli: Generated<number>
  value_fen: Generated<number>
  avg_cost_fen: Generated<number>
  last_move_id: number | null
  last_move_at: string | null
  last_receipt_at: string | null
  last_issue_at: string | null
  version: Generated<number>
}

export interface StockMovesTable {
  id: Generated<number>
  part_id: number
  at: string
  kind: 'receipt' | 'issue' | 'return' | 'adjustment' | 'stocktake' | 'transfer'
  quantity_milli: number
  unit_cost_fen: number
  value_fen: number
  on_hand_milli_after: number
  value_fen_after: number
  user_id: number | null
  reason: Generated<string>
  ref_type: 'ro' | 'po' | 'stocktake' | 'external' | 'manual' | null
  ref_id: number | null
  bin: string | null
}

export interface RoPartIssuesTable {
  ro_id: number
  part_id: number
  issued_milli: number
  issued_value_fen: number
  first_issue_at: string
  last_issue_at: string
}

export interface PartRequestsTable {
  ro_id: number
  part_id: number
  requested_milli: number
  first_at: string
  served_from_stock: number
  outcome: 'lost_sale' | 'special_order' | 'external_purchase' | null
  outcome_at: string | null
  note: Generated<string>
  user_id: number
}

export interface PurchaseOrdersTable {
  id: Generated<number>
  number: string
  supplier_id: number
  state: 'draft' | 'sent' | 'partly_received' | 'closed' | 'cancelled'
  note: Generated<string>
  created_by: number
  created_at: string
  sent_at: string | null
  closed_at: string | null
  updated_at: string
  version: Generated<number>
}

export interface PoLinesTable {
  id: Generated<number>
  po_id: number
  part_id: number
  quantity_milli: number
  unit_cost_fen: number
  received_milli: Generated<number>
  ro_id: number | null
  customer_id: number | null
  note: Generated<string>
}

export interface PoReceiptsTable {
  id: Generated<number>
  po_id: number
  at: string
  user_id: number
  note: Generated<string>
}

export interface PoReceiptLinesTable {
  id: Generated<number>
  receipt_id: number
  po_line_id: number
  expected_milli: number
  received_milli: number
  unit_cost_fen: number
  difference: 'short' | 'over' | 'damaged' | 'wrong_part' | 'price' | null
  note: Generated<string>
  move_id: number | null
}

export interface ExternalPurchasesTable {
  id: Generated<number>
  ro_id: number | null
  part_id: number
  supplier_name: string
  quantity_milli: number
  unit_cost_fen: number
  invoice_ref: Generated<string>
  note: Generated<string>
  state: 'pending_qc' | 'accepted' | 'rejected'
  requested_by: number
  created_at: string
  decided_by: number | null
  decided_at: string | null
  qc_note: Generated<string>
  move_id: number | null
  version: Generated<number>
}

export interface OldPartsTable {
  id: Generated<number>
  tag: string
  ro_id: number
  part_id: number | null
  description: string
  quantity_milli: number
  warranty: number
  disposition: Generated<'pending' | 'returned_to_customer' | 'scrapped' | 'kept_for_warranty' | 'shipped_to_maker'>
  note: Generated<string>
  created_by: number
  created_at: string
  disposed_by: number | null
  disposed_at: string | null
  version: Generated<number>
}

export interface StocktakesTable {
  id: Generated<number>
  number: string
  scope: 'all' | 'bins'
  bin_from: string | null
  bin_to: string | null
  state: 'counting' | 'approved' | 'cancelled'
  frozen_move_id: number
  note: Generated<string>
  created_by: number
  created_at: string
  decided_by: number | null
  decided_at: string | null
  updated_at: string
  version: Generated<number>
}

export interface StocktakeLinesTable {
  stocktake_id: number
  part_id: number
  bin: string | null
  book_milli: number
  book_value_fen: number
  unit_cost_fen: number
  counted_milli: number | null
  counted_by: number | null
  counted_at: string | null
  move_id: number | null
}

export interface PartSearchDirtyTable {
  part_id: number
}

// Settlement and rules (migration 0006).
export interface SettlementsTable {
  id: Generated<number>
  ro_id: number
  kind: 'settle' | 'reversal'
  reverses_id: number | null
  gross_fen: number
  discount_fen: Generated<number>
  reason: Generated<string>
  note: Generated<string>
  user_id: number
  at: string
  parts_override_reason: Generated<string>
  parts_override_by: number | null
}

export interface InvoicesTable {
  id: Generated<number>
  number: string
  settlement_id: number
  ro_id: number
  payer: 'customer' | 'warranty' | 'insurance' | 'internal' | 'campaign'
  customer_id: number | null
  kind: 'invoice' | 'credit'
  reversal_of: number | null
  net_fen: number
  vat_fen: number
  gross_fen: number
  discount_fen: Generated<number>
  state: 'issued' | 'reversed'
  insurer: string | null
  claim_no: string | null
  issued_at: string
  issued_by: number
  reversed_at: string | null
}

export interface PaymentsTable {
  id: Generated<number>
  invoice_id: number
  method: 'cash' | 'bank_card' | 'wechat_pay' | 'alipay' | 'transfer'
  amount_fen: number
  reference: Generated<string>
  at: string
  user_id: number
  reversal_of: number | null
  tendered_fen: number | null
  change_fen: Generated<number>
}

export interface ReceivablesView {
  invoice_id: number
  number: string
  ro_id: number
  payer: string
  customer_id: number | null
  insurer: string | null
  claim_no: string | null
  issued_at: string
  gross_fen: number
  paid_fen: number
  balance_fen: number
}

export interface DeliveriesTable {
  ro_id: number
  gate_pass_no: string
  delivered_at: string
  user_id: number
  on_credit: Generated<number>
  outstanding_fen: Generated<number>
}

export interface RulesTable {
  id: Generated<number>
  kind: string
  params: string
  enabled: Generated<number>
  severity: 'info' | 'warning' | 'critical'
  inbox_role: string
  evaluated_at: string | null
  updated_at: string
  updated_by: number | null
  version: Generated<number>
}

/** One row: a token drawn anew by triggers on every change to `rules` (the engine keeps the rules per token). */
export interface RulesRevisionTable {
  id: number
  revision: number
}

export interface AlertsTable {
  id: Generated<number>
  rule_id: number
  subject_type: 'part' | 'ro' | 'invoice' | 'stocktake' | 'department'
  subject_id: number
  stage: 'warning' | 'breach'
  state: 'open' | 'acknowledged' | 'snoozed' | 'resolved'
  message_key: string
  message_params: Generated<string>
  first_raised_at: string
  raised_at: string
  updated_at: string
  snoozed_until: string | null
  acknowledged_by: number | null
  acknowledged_at: string | null
  resolved_at: string | null
  resolved_by: number | null
  dismissed: Generated<number>
  note: Generated<string>
  version: Generated<number>
}

/** A closed month's dashboard figure, kept until a stock move before its end (0010). */
export interface MonthFiguresTable {
  figure: string
  variant: string
  month: string
  month_end: string
  numerator: number
  denominator: number
  computed_at: string
}

export interface TargetSnapshotsTable {
  month: string
  target: string
  value: number | null
  numerator: number
  denominator: number
  updated_at: string
}

// Warranty desk (0011-warranty).
export interface WarrantyTermsTable {
  make: string
  model: string
  coverage: 'basic' | 'powertrain' | 'nev_battery' | 'nev_motor' | 'wear'
  months: number
  km: number
}

export interface WarrantyStartsTable {
  vehicle_id: number
  starts_on: string
  recorded_by: number | null
  recorded_at: string
}

export interface WarrantyLineOverridesTable {
  id: Generated<number>
  ro_id: number
  coverage: 'basic' | 'powertrain' | 'nev_battery' | 'nev_motor' | 'wear'
  reason: string
  user_id: number
  at: string
}

export interface WarrantyClaimsTable {
  id: Generated<number>
  number: string
  ro_id: number
  vehicle_id: number
  claim_type: 'general' | 'campaign' | 'first_service' | 'pre_authorised' | 'goodwill' | 'controlled_part'
  state: Generated<'draft' | 'checked' | 'submitted' | 'approved' | 'returned' | 'rejected' | 'resubmitted' | 'paid' | 'written_off'>
  causal_part_id: number | null
  failure_code: Generated<string>
  mileage_km: number
  concern: Generated<string>
  cause: Generated<string>
  correction: Generated<string>
  labour_fen: Generated<number>
  parts_fen: Generated<number>
  other_fen: Generated<number>
  total_fen: Generated<number>
  approved_fen: number | null
  paid_fen: number | null
  maker_ref: Generated<string>
  submissions: Generated<number>
  first_submitted_at: string | null
  submitted_at: string | null
  decided_at: string | null
  created_by: number
  created_at: string
  updated_at: string
  version: Generated<number>
}

export interface WarrantyClaimLabourTable {
  claim_id: number
  position: number
  op_code: string | null
  description: string
  hours_milli: number
  rate_fen: number
  amount_fen: number
}

export interface WarrantyClaimPartsTable {
  claim_id: number
  position: number
  part_id: number | null
  description: string
  quantity_milli: number
  unit_price_fen: number
  amount_fen: number
}

export interface WarrantyClaimExpensesTable {
  claim_id: number
  position: number
  kind: 'sublet' | 'towing' | 'other'
  description: string
  amount_fen: number
}

export interface WarrantyClaimLogTable {
  id: Generated<number>
  claim_id: number
  from_state: string | null
  to_state: string
  at: string
  user_id: number
  reason: Generated<string>
}

export interface WarrantyClaimOverridesTable {
  claim_id: number
  rule: string
  reason: string
  user_id: number
  at: string
}

export interface WarrantyCheckRulesTable {
  rule: string
  enabled: number
  severity: 'block' | 'warn'
  param: number | null
  version: Generated<number>
}

// Over-authority requests and quality feedback reports (migration 0034).
export interface WarrantyRegistersTable {
  id: Generated<number>
  kind: 'over_authority' | 'quality_feedback'
  number: string
  state: Generated<'draft' | 'submitted' | 'approved' | 'returned' | 'rejected' | 'resubmitted' | 'closed'>
  ro_id: number | null
  vehicle_id: number
  claim_id: number | null
  requested_fen: number | null
  approved_fen: number | null
  maker_ref: Generated<string>
  part_id: number | null
  part_text: Generated<string>
  failure: Generated<string>
  occurrences: number | null
  severity: 'safety' | 'function' | 'comfort' | 'appearance' | null
  note: Generated<string>
  submissions: Generated<number>
  submitted_at: string | null
  decided_at: string | null
  created_by: number
  created_at: string
  updated_at: string
  version: Generated<number>
}

export interface WarrantyRegisterLogTable {
  id: Generated<number>
  register_id: number
  from_state: 'draft' | 'submitted' | 'approved' | 'returned' | 'rejected' | 'resubmitted' | 'closed' | null
  to_state: 'draft' | 'submitted' | 'approved' | 'returned' | 'rejected' | 'resubmitted' | 'closed'
  at: string
  user_id: number
  reason: Generated<string>
}

// Warranty money (migration 0015).
export interface WarrantyPaymentImportsTable {
  id: Generated<number>
  file_name: string
  claims: number
  paid_fen: number
  written_off_fen: number
  user_id: number
  at: string
}

export interface WarrantyClaimPaymentsTable {
  claim_id: number
  invoice_id: number
  payment_id: number | null
  import_id: number | null
  line: number | null
  claimed_fen: number
  paid_fen: number
  reference: Generated<string>
  user_id: number
  at: string
}

export interface WarrantyWriteOffsTable {
  id: Generated<number>
  claim_id: number
  invoice_id: number
  amount_fen: number
  disposition: 'write_off' | 'recharge_customer' | 'recharge_internal'
  reason: string
  import_id: number | null
  user_id: number
  at: string
  /** The invoice a re-charged difference raised (migration 0037); null for a plain write-off. */
  recharge_invoice_id: number | null
}

export interface WarrantyPartRulesTable {
  make: string
  return_days: number
  retain_days: number
  version: Generated<number>
}

export interface WarrantyShipmentsTable {
  id: Generated<number>
  number: string
  state: Generated<'open' | 'shipped' | 'received'>
  carrier: Generated<string>
  waybill: Generated<string>
  receipt_ref: Generated<string>
  note: Generated<string>
  created_by: number
  created_at: string
  shipped_by: number | null
  shipped_at: string | null
  received_by: number | null
  received_at: string | null
  version: Generated<number>
}

export interface WarrantyOldPartsTable {
  old_part_id: number
  claim_id: number
  place: string
  handling: 'return' | 'retain'
  due_on: string
  shipment_id: number | null
  scrap_reason: Generated<string>
  scrapped_by: number | null
  scrapped_at: string | null
  kept_by: number
  kept_at: string
}

export interface CareFollowupsTable {
  id: Generated<number>
  ro_id: number
  assignee_id: number
  state: Generated<'open' | 'done' | 'unreachable'>
  delivered_at: string
  due_date: string
  due_at: string
  attempts: Generated<number>
  callback_at: string | null
  closed_at: string | null
  closed_by: number | null
  done_call_id: number | null
  close_note: Generated<string>
  created_at: string
  version: Generated<number>
}

export interface CareCallsTable {
  id: Generated<number>
  /** Exactly one of followup_id and reminder_id is set. */
  followup_id: number | null
  reminder_id: number | null
  user_id: number
  started_at: string
  ended_at: string
  outcome: 'reached' | 'no_answer' | 'wrong_number' | 'call_back'
  callback_at: string | null
  remark: Generated<string>
  created_at: string
  /** The survey template the call was asked with. */
  template_version: Generated<number>
  warranty_call_id: number | null
  invite_id: number | null
}

export interface CareCallAnswersTable {
  call_id: number
  question: string
  score: number
}

/** The follow-up survey's versions; the highest is the one asked now. */
export interface CareSurveyTemplatesTable {
  version: number
  created_by: number | null
  created_at: string
}

export interface CareSurveyQuestionsTable {
  template_version: number
  position: number
  code: string
  /** The supervisor's wording; NULL: the catalogs' wording of a default question. */
  text: string | null
}

export interface CareComplaintsTable {
  id: Generated<number>
  number: string
  customer_id: number
  vehicle_id: number | null
  ro_id: number | null
  followup_id: number | null
  source: 'followup' | 'desk' | 'phone' | 'hotline'
  category: 'quality' | 'price' | 'time' | 'attitude' | 'parts' | 'other'
  severity: 'low' | 'medium' | 'high'
  words: string
  state: Generated<'open' | 'assigned' | 'resolved' | 'closed'>
  owner_id: number | null
  department: string | null
  due_at: string
  accepted: number | null
  acceptance_note: Generated<string>
  root_cause: Generated<string>
  opened_by: number
  opened_at: string
  resolved_at: string | null
  closed_at: string | null
  closed_by: number | null
  version: Generated<number>
}

export interface CareComplaintActionsTable {
  id: Generated<number>
  complaint_id: number
  kind: 'open' | 'assign' | 'action' | 'resolve' | 'reopen' | 'close'
  note: Generated<string>
  user_id: number
  at: string
}
// Running the department (0013).
export interface DeptTargetsTable {
  id: Generated<number>
  year: number
  quarter: number
  measure: 'ros' | 'production' | 'parts' | 'gross_profit'
  total: number
  note: Generated<string>
  updated_at: string
  updated_by: number
  version: Generated<number>
}

export interface DeptTargetMonthsTable {
  target_id: number
  month: string
  amount: number
}

export interface DeptTargetPeopleTable {
  target_id: number
  user_id: number
  amount: number
}

export interface ScorecardReviewsTable {
  id: Generated<number>
  month: string
  user_id: number
  comment: string
  commented_by: number
  commented_at: string
  acknowledged_at: string | null
  version: Generated<number>
}

export interface TrainingSessionsTable {
  id: Generated<number>
  held_on: string
  department: 'front_desk' | 'workshop' | 'parts'
  type: 'internal' | 'maker' | 'technical' | 'etiquette'
  topic: string
  trainer: string
  duration_min: number
  created_by: number
  created_at: string
}

export interface TrainingAttendeesTable {
  session_id: number
  user_id: number
  passed: number | null
  score: number | null
}

export interface RepairCasesTable {
  id: Generated<number>
  submitted_on: string
  author_id: number
  vehicle: string
  fault: string
  diagnosis: string
  fix: string
  hotline: Generated<number>
  created_at: string
}

export interface FivesItemsTable {
  id: Generated<number>
  area: 'workshop' | 'parts_store' | 'front_desk' | 'lounge' | 'wash_bay'
  s: 'seiri' | 'seiton' | 'seiso' | 'seiketsu' | 'shitsuke'
  label: string
  position: number
  active: Generated<number>
}

export interface FivesAuditsTable {
  id: Generated<number>
  area: 'workshop' | 'parts_store' | 'front_desk' | 'lounge' | 'wash_bay'
  audited_on: string
  auditor_id: number
  score: number
  max_score: number
  created_at: string
}

export interface FivesScoresTable {
  audit_id: number
  item_id: number
  score: number
}

export interface FivesFindingsTable {
  id: Generated<number>
  audit_id: number
  text: string
  owner_id: number
  due_on: string
  state: Generated<'open' | 'closed'>
  closed_at: string | null
  closed_by: number | null
  close_note: Generated<string>
  version: Generated<number>
}

export interface CsiResultsTable {
  id: Generated<number>
  month: string
  survey: 'mystery_shopper' | 'phone_survey'
  score_tenths: number
  note: Generated<string>
  entered_by: number
  entered_at: string
  version: Generated<number>
}

export interface CsiItemsTable {
  result_id: number
  position: number
  code: string
  label: string
  score_tenths: number
  max_tenths: number
}

export interface CareRemindersTable {
  id: Generated<number>
  vehicle_id: number
  ro_id: number
  service_at: string
  service_km: number
  last_km: number
  last_read_at: string
  km_per_day_centi: number | null
  due_by_months: string
  due_by_km: string | null
  due_date: string
  due_by: 'months' | 'km'
  state: Generated<'open' | 'booked' | 'declined'>
  attempts: Generated<number>
  callback_at: string | null
  appointment_id: number | null
  closed_at: string | null
  closed_by: number | null
  close_note: Generated<string>
  created_at: string
  updated_at: string
  version: Generated<number>
}

export interface CareReminderRunsTable {
  id: number
  day: string
  variant: string
  at: string
}

export interface InsuranceClaimsTable {
  id: Generated<number>
  ro_id: number
  insurer: string
  policy_no: string
  report_no: string
  insured_name: string
  deductible_fen: Generated<number>
  assessor: Generated<string>
  reported_on: string
  arrived_on: string
  assessed_on: string | null
  note: Generated<string>
  created_by: number
  created_at: string
  updated_at: string
  version: Generated<number>
  /** The assessment rule's days in force when the arrival was set (migration 0039). */
  assessment_days: Generated<number>
  /** `arrived_on` + `assessment_days`: the date the assessment is judged by, kept. */
  assessment_due_on: Generated<string>
}

export interface InsuranceAssessmentLinesTable {
  claim_id: number
  ro_line_id: number
  assessed_fen: number
  reason: Generated<'refused' | 'betterment'>
}

export interface InsuranceSupplementsTable {
  id: Generated<number>
  claim_id: number
  ro_line_id: number
  assessed_on: string
  amount_fen: number
  note: Generated<string>
  created_by: number
  created_at: string
}

// 三包 marks on a warranty claim (migration 0019).
export interface WarrantyClaimSanbaoTable {
  claim_id: number
  safety_fault: Generated<number>
  replaced: 'engine' | 'transmission' | 'nev_battery' | 'nev_motor' | null
  user_id: number
  at: string
}

export interface AttachmentsTable {
  id: Generated<number>
  owner_kind: 'warranty_claim' | 'fives_finding' | 'training_session' | 'insurance_claim'
  owner_id: number
  file_name: string
  mime_type: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'application/pdf'
  size_bytes: number
  sha256: string
  created_by: number
  created_at: string
  removed_by: number | null
  removed_at: string | null
  changed_at: string
}

/** The first service's window per make ('' = the default row): months or km from the warranty start. */
export interface WarrantyFirstServiceTermsTable {
  make: string
  months: number
  km: number
}

/** A call the warranty clerk owes a vehicle: before a coverage ends, or for its first service. */
export interface WarrantyCallsTable {
  id: Generated<number>
  kind: 'coverage_expiry' | 'first_service'
  vehicle_id: number
  starts_on: string
  /** The milestone (coverage_expiry) or the first-service window, in months from the start. */
  months: number
  ends_on: string
  due_date: string
  state: Generated<'open' | 'booked' | 'declined' | 'wrong_number'>
  attempts: Generated<number>
  next_try_at: string | null
  appointment_id: number | null
  closed_at: string | null
  closed_by: number | null
  close_note: Generated<string>
  created_at: string
  updated_at: string
  version: Generated<number>
}

export interface WarrantyCallRunsTable {
  kind: 'coverage_expiry' | 'first_service'
  day: string
  variant: string
  at: string
}

/** A vehicle's first-service window (首保): from its warranty start to the earlier of months and projected km. */
export interface WarrantyFirstServicesTable {
  vehicle_id: number
  starts_on: string
  months: number
  km: number
  closes_by_months: string
  closes_by_km: string | null
  closes_on: string
  closes_by: 'months' | 'km'
  due_on: string
  updated_at: string
}

export interface CampaignsTable {
  id: Generated<number>
  code: string
  name: string
  month: string
  starts_on: string
  ends_on: string
  labour_discount_bp: Generated<number>
  package_name: Generated<string>
  package_price_fen: number | null
  free_check: Generated<string>
  target_source: 'all' | 'service_due' | 'lost' | 'first_service'
  target_model: string | null
  target_age_min: number | null
  target_age_max: number | null
  cost_fen: Generated<number>
  summary: Generated<string>
  state: Generated<'planned' | 'cancelled'>
  created_by: number
  created_at: string
  updated_at: string
  version: Generated<number>
}

export interface CampaignInvitesTable {
  id: Generated<number>
  campaign_id: number
  vehicle_id: number
  customer_id: number
  state: Generated<'open' | 'booked' | 'declined'>
  attempts: Generated<number>
  reached_at: string | null
  callback_at: string | null
  closed_at: string | null
  created_at: string
  version: Generated<number>
}

export interface CampaignRosTable {
  ro_id: number
  campaign_id: number
  set_by: number
  set_at: string
}

export interface QualityIncidentsTable {
  id: Generated<number>
  vehicle_id: number
  ro_id: number | null
  occurred_on: string
  source: 'manual' | 'qc_rework' | 'repeat_visit'
  source_key: string | null
  what: string
  analysis: Generated<string>
  handling: Generated<string>
  cost_fen: Generated<number>
  state: Generated<'open' | 'closed'>
  recorded_by: number
  created_at: string
  updated_at: string
  closed_at: string | null
  version: Generated<number>
}

export interface ComebackDismissalsTable {
  source_key: string
  reason: string
  dismissed_by: number
  at: string
}

export interface DeptReportHandinsTable {
  id: Generated<number>
  month: string
  role: 'front_desk_supervisor' | 'service_manager'
  user_id: number
  handed_in_at: string
  due_on: string
  note: Generated<string>
}

export interface EtiquetteItemsTable {
  id: Generated<number>
  label: string
  position: number
  active: Generated<number>
}

export interface EtiquetteChecksTable {
  id: Generated<number>
  user_id: number
  checked_on: string
  checker_id: number
  passed: number
  items: number
  created_at: string
}

export interface EtiquetteResultsTable {
  check_id: number
  item_id: number
  passed: number
  note: Generated<string>
}

export interface KpiTargetsTable {
  id: Generated<number>
  month: string
  kind: 'advisor' | 'technician' | 'parts'
  kpi: string
  target: number
  set_by: number
  set_at: string
}
