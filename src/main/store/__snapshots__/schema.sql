-- index additional_work_raised
CREATE INDEX additional_work_raised ON additional_work(ro_id) WHERE state = 'raised';

-- index additional_work_ro
CREATE INDEX additional_work_ro ON additional_work(ro_id);

-- index additional_work_vehicle
CREATE INDEX additional_work_vehicle ON additional_work(vehicle_id, state);

-- index alerts_state
CREATE INDEX alerts_state ON alerts(state, rule_id);

-- index alerts_subject
CREATE INDEX alerts_subject ON alerts(subject_type, subject_id);

-- index appointments_day
CREATE INDEX appointments_day ON appointments(starts_at);

-- index appointments_vehicle
CREATE INDEX appointments_vehicle ON appointments(vehicle_id, starts_at);

-- index attachments_changed
CREATE INDEX attachments_changed ON attachments (changed_at);

-- index attachments_owner
CREATE INDEX attachments_owner ON attachments (owner_kind, owner_id) WHERE removed_at IS NULL;

-- index attachments_sha256
CREATE INDEX attachments_sha256 ON attachments (sha256) WHERE removed_at IS NULL;

-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log(at);

-- index audit_log_entity
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

-- index audit_log_ro
CREATE INDEX audit_log_ro ON audit_log(json_extract(detail, '$.roId')) WHERE json_extract(detail, '$.roId') IS NOT NULL;

-- index audit_log_user
CREATE INDEX audit_log_user ON audit_log(user_id, id);

-- index campaign_invites_vehicle
CREATE INDEX campaign_invites_vehicle ON campaign_invites(vehicle_id);

-- index campaign_ros_campaign
CREATE INDEX campaign_ros_campaign ON campaign_ros(campaign_id);

-- index campaigns_month
CREATE INDEX campaigns_month ON campaigns(month, state);

-- index care_calls_followup
CREATE INDEX care_calls_followup ON care_calls(followup_id, id);

-- index care_calls_invite
CREATE INDEX care_calls_invite ON care_calls(invite_id, id);

-- index care_calls_reminder
CREATE INDEX care_calls_reminder ON care_calls(reminder_id, id);

-- index care_calls_started
CREATE INDEX care_calls_started ON care_calls(started_at);

-- index care_calls_warranty
CREATE INDEX care_calls_warranty ON care_calls(warranty_call_id, id);

-- index care_complaint_actions_complaint
CREATE INDEX care_complaint_actions_complaint ON care_complaint_actions(complaint_id, id);

-- index care_complaints_ro
CREATE INDEX care_complaints_ro ON care_complaints(ro_id);

-- index care_complaints_state
CREATE INDEX care_complaints_state ON care_complaints(state, due_at);

-- index care_followups_assignee
CREATE INDEX care_followups_assignee ON care_followups(assignee_id, state, due_at);

-- index care_followups_delivered
CREATE INDEX care_followups_delivered ON care_followups(delivered_at);

-- index care_followups_due
CREATE INDEX care_followups_due ON care_followups(state, due_at);

-- index care_reminders_due
CREATE INDEX care_reminders_due ON care_reminders(state, due_date);

-- index customers_mobile
CREATE INDEX customers_mobile ON customers(mobile);

-- index customers_mobile_tail
CREATE INDEX customers_mobile_tail ON customers(substr(mobile, -4), mobile);

-- index customers_name
CREATE INDEX customers_name ON customers(name);

-- index customers_updated
CREATE INDEX customers_updated ON customers(updated_at);

-- index etiquette_checks_day
CREATE INDEX etiquette_checks_day ON etiquette_checks(checked_on);

-- index etiquette_checks_person
CREATE INDEX etiquette_checks_person ON etiquette_checks(user_id, checked_on);

-- index export_appointments_updated
CREATE INDEX export_appointments_updated ON appointments(updated_at);

-- index export_deliveries_queue
CREATE INDEX export_deliveries_queue ON export_deliveries(target_id, status);

-- index export_parts_updated
CREATE INDEX export_parts_updated ON parts(updated_at);

-- index export_users_updated
CREATE INDEX export_users_updated ON users(updated_at);

-- index external_purchases_state
CREATE INDEX external_purchases_state ON external_purchases(state, created_at);

-- index fives_findings_open
CREATE INDEX fives_findings_open ON fives_findings(state, due_on);

-- index insurance_assessment_lines_line
CREATE INDEX insurance_assessment_lines_line ON insurance_assessment_lines(ro_line_id);

-- index insurance_claims_arrived
CREATE INDEX insurance_claims_arrived ON insurance_claims(arrived_on);

-- index insurance_claims_assessment_due
CREATE INDEX insurance_claims_assessment_due ON insurance_claims(assessment_due_on);

-- index insurance_supplements_claim
CREATE INDEX insurance_supplements_claim ON insurance_supplements(claim_id);

-- index insurance_supplements_line
CREATE INDEX insurance_supplements_line ON insurance_supplements(ro_line_id);

-- index invoices_open
CREATE INDEX invoices_open ON invoices(payer, issued_at) WHERE kind = 'invoice' AND state = 'issued';

-- index invoices_ro
CREATE INDEX invoices_ro ON invoices(ro_id);

-- index invoices_settlement
CREATE INDEX invoices_settlement ON invoices(settlement_id, kind, net_fen);

-- index job_runs_job
CREATE INDEX job_runs_job ON job_runs(job, id);

-- index job_time_segments_job
CREATE INDEX job_time_segments_job ON job_time_segments(job_id);

-- index job_time_segments_running
CREATE INDEX job_time_segments_running ON job_time_segments(technician_id) WHERE ended_at IS NULL;

-- index job_time_segments_technician
CREATE INDEX job_time_segments_technician ON job_time_segments(technician_id, started_at);

-- index login_events_address
CREATE INDEX login_events_address ON login_events(address, id);

-- index login_events_at
CREATE INDEX login_events_at ON login_events(at);

-- index login_events_username
CREATE INDEX login_events_username ON login_events(username, id);

-- index month_figures_end
CREATE INDEX month_figures_end ON month_figures(month_end);

-- index odometer_readings_vehicle
CREATE INDEX odometer_readings_vehicle ON odometer_readings(vehicle_id, at);

-- index old_parts_disposition
CREATE INDEX old_parts_disposition ON old_parts(disposition, created_at);

-- index old_parts_ro
CREATE INDEX old_parts_ro ON old_parts(ro_id);

-- index part_requests_first
CREATE INDEX part_requests_first ON part_requests(first_at, served_from_stock);

-- index part_suppliers_supplier
CREATE INDEX part_suppliers_supplier ON part_suppliers(supplier_id);

-- index parts_bin
CREATE INDEX parts_bin ON parts(bin);

-- index parts_name
CREATE INDEX parts_name ON parts(name);

-- index payments_at
CREATE INDEX payments_at ON payments(at);

-- index payments_invoice
CREATE INDEX payments_invoice ON payments(invoice_id);

-- index po_lines_po
CREATE INDEX po_lines_po ON po_lines(po_id);

-- index po_lines_ro
CREATE INDEX po_lines_ro ON po_lines(ro_id);

-- index po_receipt_lines_receipt
CREATE INDEX po_receipt_lines_receipt ON po_receipt_lines(receipt_id);

-- index purchase_orders_state
CREATE INDEX purchase_orders_state ON purchase_orders(state, created_at);

-- index qc_checklist_items_type
CREATE INDEX qc_checklist_items_type ON qc_checklist_items(ro_type, active, position);

-- index qc_inspections_at
CREATE INDEX qc_inspections_at ON qc_inspections(at);

-- index qc_inspections_ro
CREATE INDEX qc_inspections_ro ON qc_inspections(ro_id, id);

-- index qc_rework_job
CREATE INDEX qc_rework_job ON qc_rework(job_id);

-- index quality_incidents_occurred
CREATE INDEX quality_incidents_occurred ON quality_incidents(occurred_on);

-- index repair_cases_submitted
CREATE INDEX repair_cases_submitted ON repair_cases(submitted_on);

-- index repair_orders_advisor
CREATE INDEX repair_orders_advisor ON repair_orders(advisor_id, completed_at);

-- index repair_orders_advisor_of
CREATE INDEX repair_orders_advisor_of ON repair_orders(id, advisor_id);

-- index repair_orders_completed
CREATE INDEX repair_orders_completed ON repair_orders(completed_at, type, state, settled_at);

-- index repair_orders_customer
CREATE INDEX repair_orders_customer ON repair_orders(customer_id);

-- index repair_orders_opened
CREATE INDEX repair_orders_opened ON repair_orders(opened_at);

-- index repair_orders_state
CREATE INDEX repair_orders_state ON repair_orders(state, opened_at);

-- index repair_orders_updated
CREATE INDEX repair_orders_updated ON repair_orders(updated_at);

-- index repair_orders_vehicle
CREATE INDEX repair_orders_vehicle ON repair_orders(vehicle_id, opened_at, state, type);

-- index ro_authorisations_ro
CREATE INDEX ro_authorisations_ro ON ro_authorisations(ro_id);

-- index ro_findings_ro
CREATE INDEX ro_findings_ro ON ro_findings(ro_id);

-- index ro_jobs_bay
CREATE INDEX ro_jobs_bay ON ro_jobs(bay_id, state);

-- index ro_jobs_finished
CREATE INDEX ro_jobs_finished ON ro_jobs(finished_at);

-- index ro_jobs_ro
CREATE INDEX ro_jobs_ro ON ro_jobs(ro_id);

-- index ro_jobs_technician
CREATE INDEX ro_jobs_technician ON ro_jobs(technician_id, state);

-- index ro_lines_kind_amount
CREATE INDEX ro_lines_kind_amount ON ro_lines(ro_id, kind, amount_fen);

-- index ro_lines_part
CREATE INDEX ro_lines_part ON ro_lines(part_id);

-- index ro_lines_warranty
CREATE INDEX ro_lines_warranty ON ro_lines(ro_id, amount_fen) WHERE payer = 'warranty';

-- index ro_part_issues_part
CREATE INDEX ro_part_issues_part ON ro_part_issues(part_id);

-- index sessions_user
CREATE INDEX sessions_user ON sessions(user_id);

-- index settlements_kind_at
CREATE INDEX settlements_kind_at ON settlements(kind, at, ro_id);

-- index settlements_ro
CREATE INDEX settlements_ro ON settlements(ro_id, id);

-- index stock_moves_at
CREATE INDEX stock_moves_at ON stock_moves(at, kind, value_fen);

-- index stock_moves_part
CREATE INDEX stock_moves_part ON stock_moves(part_id, at, id);

-- index stock_moves_ref
CREATE INDEX stock_moves_ref ON stock_moves(ref_type, ref_id, kind, value_fen);

-- index stock_moves_user
CREATE INDEX stock_moves_user ON stock_moves(user_id, at);

-- index training_sessions_held
CREATE INDEX training_sessions_held ON training_sessions(held_on, department);

-- index vehicle_owners_vehicle
CREATE INDEX vehicle_owners_vehicle ON vehicle_owners(vehicle_id);

-- index vehicles_owner
CREATE INDEX vehicles_owner ON vehicles(owner_id);

-- index vehicles_plate_tail
CREATE INDEX vehicles_plate_tail ON vehicles(plate_tail);

-- index vehicles_updated
CREATE INDEX vehicles_updated ON vehicles(updated_at);

-- index vehicles_vin_rev
CREATE INDEX vehicles_vin_rev ON vehicles(vin_rev);

-- index warranty_calls_due
CREATE INDEX warranty_calls_due ON warranty_calls(kind, state, due_date);

-- index warranty_claim_log_claim
CREATE INDEX warranty_claim_log_claim ON warranty_claim_log(claim_id, id);

-- index warranty_claim_payments_invoice
CREATE INDEX warranty_claim_payments_invoice ON warranty_claim_payments(invoice_id);

-- index warranty_claims_ro
CREATE INDEX warranty_claims_ro ON warranty_claims(ro_id);

-- index warranty_claims_state
CREATE INDEX warranty_claims_state ON warranty_claims(state, updated_at);

-- index warranty_claims_vehicle
CREATE INDEX warranty_claims_vehicle ON warranty_claims(vehicle_id);

-- index warranty_first_services_closes
CREATE INDEX warranty_first_services_closes ON warranty_first_services(closes_on, due_on, starts_on);

-- index warranty_line_overrides_ro
CREATE INDEX warranty_line_overrides_ro ON warranty_line_overrides(ro_id);

-- index warranty_old_parts_claim
CREATE INDEX warranty_old_parts_claim ON warranty_old_parts(claim_id);

-- index warranty_old_parts_due
CREATE INDEX warranty_old_parts_due ON warranty_old_parts(handling, due_on);

-- index warranty_old_parts_shipment
CREATE INDEX warranty_old_parts_shipment ON warranty_old_parts(shipment_id);

-- index warranty_register_log_register
CREATE INDEX warranty_register_log_register ON warranty_register_log(register_id, id);

-- index warranty_registers_claim
CREATE INDEX warranty_registers_claim ON warranty_registers(claim_id);

-- index warranty_registers_kind_state
CREATE INDEX warranty_registers_kind_state ON warranty_registers(kind, state, updated_at);

-- index warranty_registers_ro
CREATE INDEX warranty_registers_ro ON warranty_registers(ro_id);

-- index warranty_shipments_state
CREATE INDEX warranty_shipments_state ON warranty_shipments(state, created_at);

-- index warranty_write_offs_invoice
CREATE INDEX warranty_write_offs_invoice ON warranty_write_offs(invoice_id);

-- index warranty_write_offs_recharge
CREATE UNIQUE INDEX warranty_write_offs_recharge ON warranty_write_offs(recharge_invoice_id) WHERE recharge_invoice_id IS NOT NULL;

-- table additional_work
CREATE TABLE additional_work (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        finding TEXT NOT NULL CHECK (length(finding) BETWEEN 1 AND 1000),
        state TEXT NOT NULL DEFAULT 'raised' CHECK (state IN ('raised','approved','declined')),
        raised_by INTEGER NOT NULL REFERENCES users(id),
        raised_at TEXT NOT NULL,
        net_fen INTEGER NOT NULL DEFAULT 0,
        decision_method TEXT CHECK (decision_method IS NULL OR decision_method IN ('in_person','phone','signature')),
        decided_by TEXT,
        decision_note TEXT,
        recorded_by INTEGER REFERENCES users(id),
        decided_at TEXT,
        follow_up TEXT CHECK (follow_up IS NULL OR follow_up IN ('taken_up','dismissed')),
        follow_up_ro_id INTEGER REFERENCES repair_orders(id),
        follow_up_at TEXT,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK ((state = 'raised') = (decided_at IS NULL)),
        CHECK (follow_up IS NULL OR state = 'declined')
      ) STRICT;

-- table additional_work_lines
CREATE TABLE additional_work_lines (
        id INTEGER PRIMARY KEY,
        additional_work_id INTEGER NOT NULL REFERENCES additional_work(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('labour','part')),
        op_code TEXT,
        part_id INTEGER REFERENCES parts(id),
        description TEXT NOT NULL,
        quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
        unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
        amount_fen INTEGER NOT NULL,
        payer TEXT NOT NULL CHECK (payer IN ('customer','warranty','insurance','internal','campaign')),
        ro_line_id INTEGER REFERENCES ro_lines(id),
        UNIQUE (additional_work_id, position),
        CHECK ((kind = 'part') = (part_id IS NOT NULL))
      ) STRICT;

-- table alerts
CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        rule_id INTEGER NOT NULL REFERENCES rules(id),
        subject_type TEXT NOT NULL CHECK (subject_type IN ('part','ro','invoice','stocktake','department')),
        subject_id INTEGER NOT NULL,
        stage TEXT NOT NULL CHECK (stage IN ('warning','breach')),
        state TEXT NOT NULL CHECK (state IN ('open','acknowledged','snoozed','resolved')),
        message_key TEXT NOT NULL,
        message_params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(message_params)),
        first_raised_at TEXT NOT NULL,
        raised_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        snoozed_until TEXT,
        acknowledged_by INTEGER REFERENCES users(id),
        acknowledged_at TEXT,
        resolved_at TEXT,
        resolved_by INTEGER REFERENCES users(id),
        dismissed INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (rule_id, subject_type, subject_id),
        CHECK ((state = 'snoozed') = (snoozed_until IS NOT NULL)),
        CHECK ((state = 'resolved') = (resolved_at IS NOT NULL))
      ) STRICT;

-- table appointments
CREATE TABLE appointments (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        advisor_id INTEGER NOT NULL REFERENCES users(id),
        starts_at TEXT NOT NULL,
        duration_min INTEGER NOT NULL DEFAULT 60 CHECK (duration_min BETWEEN 5 AND 600),
        concern TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked','arrived','no_show','cancelled')),
        ro_id INTEGER REFERENCES repair_orders(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table attachments
CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        owner_kind TEXT NOT NULL CHECK (owner_kind IN ('warranty_claim', 'fives_finding', 'training_session', 'insurance_claim')),
        owner_id INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf')),
        size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        removed_by INTEGER REFERENCES users(id),
        removed_at TEXT,
        changed_at TEXT NOT NULL
      ) STRICT;

-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        channel TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT,
        entity_id TEXT,
        detail TEXT
      ) STRICT;

-- table bays
CREATE TABLE bays (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 20),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        kind TEXT NOT NULL CHECK (kind IN ('general','lift','alignment','paint_booth','wash')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table campaign_invites
CREATE TABLE campaign_invites (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'booked', 'declined')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        reached_at TEXT,
        callback_at TEXT,
        closed_at TEXT,
        created_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (campaign_id, vehicle_id)
      ) STRICT;

-- table campaign_ros
CREATE TABLE campaign_ros (
        ro_id INTEGER PRIMARY KEY REFERENCES repair_orders(id),
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
        set_by INTEGER NOT NULL REFERENCES users(id),
        set_at TEXT NOT NULL
      ) STRICT;

-- table campaigns
CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        labour_discount_bp INTEGER NOT NULL DEFAULT 0 CHECK (labour_discount_bp BETWEEN 0 AND 10000),
        package_name TEXT NOT NULL DEFAULT '',
        package_price_fen INTEGER CHECK (package_price_fen >= 0),
        free_check TEXT NOT NULL DEFAULT '',
        target_source TEXT NOT NULL CHECK (target_source IN ('all', 'service_due', 'lost', 'first_service')),
        target_model TEXT,
        target_age_min INTEGER CHECK (target_age_min >= 0),
        target_age_max INTEGER CHECK (target_age_max >= 0),
        cost_fen INTEGER NOT NULL DEFAULT 0 CHECK (cost_fen >= 0),
        summary TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'cancelled')),
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (ends_on >= starts_on)
      ) STRICT;

-- table care_call_answers
CREATE TABLE care_call_answers (
        call_id INTEGER NOT NULL REFERENCES care_calls(id),
        question TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 10),
        PRIMARY KEY (call_id, question)
      ) STRICT;

-- table care_calls
CREATE TABLE care_calls (
        id INTEGER PRIMARY KEY,
        followup_id INTEGER REFERENCES care_followups(id),
        reminder_id INTEGER REFERENCES care_reminders(id),
        warranty_call_id INTEGER REFERENCES warranty_calls(id),
        invite_id INTEGER REFERENCES campaign_invites(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'wrong_number', 'call_back')),
        callback_at TEXT,
        remark TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        template_version INTEGER NOT NULL DEFAULT 1,
        CHECK (ended_at >= started_at),
        CHECK ((outcome = 'call_back') = (callback_at IS NOT NULL)),
        CHECK ((followup_id IS NOT NULL) + (reminder_id IS NOT NULL) + (warranty_call_id IS NOT NULL) + (invite_id IS NOT NULL) = 1)
      ) STRICT;

-- table care_complaint_actions
CREATE TABLE care_complaint_actions (
        id INTEGER PRIMARY KEY,
        complaint_id INTEGER NOT NULL REFERENCES care_complaints(id),
        kind TEXT NOT NULL CHECK (kind IN ('open', 'assign', 'action', 'resolve', 'reopen', 'close')),
        note TEXT NOT NULL DEFAULT '',
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT;

-- table care_complaints
CREATE TABLE care_complaints (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        vehicle_id INTEGER REFERENCES vehicles(id),
        ro_id INTEGER REFERENCES repair_orders(id),
        followup_id INTEGER REFERENCES care_followups(id),
        source TEXT NOT NULL CHECK (source IN ('followup', 'desk', 'phone', 'hotline')),
        category TEXT NOT NULL CHECK (category IN ('quality', 'price', 'time', 'attitude', 'parts', 'other')),
        severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
        words TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'assigned', 'resolved', 'closed')),
        owner_id INTEGER REFERENCES users(id),
        department TEXT,
        due_at TEXT NOT NULL,
        accepted INTEGER CHECK (accepted IN (0, 1)),
        acceptance_note TEXT NOT NULL DEFAULT '',
        root_cause TEXT NOT NULL DEFAULT '',
        opened_by INTEGER NOT NULL REFERENCES users(id),
        opened_at TEXT NOT NULL,
        resolved_at TEXT,
        closed_at TEXT,
        closed_by INTEGER REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table care_followups
CREATE TABLE care_followups (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL UNIQUE REFERENCES repair_orders(id),
        assignee_id INTEGER NOT NULL REFERENCES users(id),
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'unreachable')),
        delivered_at TEXT NOT NULL,
        due_date TEXT NOT NULL,
        due_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        callback_at TEXT,
        closed_at TEXT,
        closed_by INTEGER REFERENCES users(id),
        done_call_id INTEGER,
        close_note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table care_reminder_runs
CREATE TABLE care_reminder_runs (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        day TEXT NOT NULL,
        variant TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;

-- table care_reminders
CREATE TABLE care_reminders (
        id INTEGER PRIMARY KEY,
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        service_at TEXT NOT NULL,
        service_km INTEGER NOT NULL CHECK (service_km >= 0),
        last_km INTEGER NOT NULL CHECK (last_km >= 0),
        last_read_at TEXT NOT NULL,
        km_per_day_centi INTEGER CHECK (km_per_day_centi >= 0),
        due_by_months TEXT NOT NULL,
        due_by_km TEXT,
        due_date TEXT NOT NULL,
        due_by TEXT NOT NULL CHECK (due_by IN ('months', 'km')),
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'booked', 'declined')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        callback_at TEXT,
        appointment_id INTEGER REFERENCES appointments(id),
        closed_at TEXT,
        closed_by INTEGER REFERENCES users(id),
        close_note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (vehicle_id, ro_id)
      ) STRICT;

-- table care_survey_questions
CREATE TABLE care_survey_questions (
        template_version INTEGER NOT NULL REFERENCES care_survey_templates(version),
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        text TEXT,
        PRIMARY KEY (template_version, position),
        UNIQUE (template_version, code)
      ) STRICT;

-- table care_survey_templates
CREATE TABLE care_survey_templates (
        version INTEGER PRIMARY KEY,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT;

-- table comeback_dismissals
CREATE TABLE comeback_dismissals (
        source_key TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        dismissed_by INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT;

-- table csi_items
CREATE TABLE csi_items (
        result_id INTEGER NOT NULL REFERENCES csi_results(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        label TEXT NOT NULL,
        score_tenths INTEGER NOT NULL CHECK (score_tenths >= 0),
        max_tenths INTEGER NOT NULL CHECK (max_tenths > 0 AND score_tenths <= max_tenths),
        PRIMARY KEY (result_id, position),
        UNIQUE (result_id, code)
      ) STRICT;

-- table csi_results
CREATE TABLE csi_results (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        survey TEXT NOT NULL CHECK (survey IN ('mystery_shopper', 'phone_survey')),
        score_tenths INTEGER NOT NULL CHECK (score_tenths BETWEEN 0 AND 10000),
        note TEXT NOT NULL DEFAULT '',
        entered_by INTEGER NOT NULL REFERENCES users(id),
        entered_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (month, survey)
      ) STRICT;

-- table customers
CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person','company')),
        mobile TEXT,
        phone2 TEXT,
        address TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table deliveries
CREATE TABLE deliveries (
        ro_id INTEGER PRIMARY KEY REFERENCES repair_orders(id),
        gate_pass_no TEXT NOT NULL UNIQUE,
        delivered_at TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        on_credit INTEGER NOT NULL DEFAULT 0 CHECK (on_credit IN (0, 1)),
        outstanding_fen INTEGER NOT NULL DEFAULT 0 CHECK (outstanding_fen >= 0)
      ) STRICT;

-- table dept_report_handins
CREATE TABLE dept_report_handins (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        role TEXT NOT NULL CHECK (role IN ('front_desk_supervisor', 'service_manager')),
        user_id INTEGER NOT NULL REFERENCES users(id),
        handed_in_at TEXT NOT NULL,
        due_on TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (month, role)
      ) STRICT;

-- table dept_target_months
CREATE TABLE dept_target_months (
        target_id INTEGER NOT NULL REFERENCES dept_targets(id) ON DELETE CASCADE,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        amount INTEGER NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (target_id, month)
      ) STRICT;

-- table dept_target_people
CREATE TABLE dept_target_people (
        target_id INTEGER NOT NULL REFERENCES dept_targets(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        amount INTEGER NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (target_id, user_id)
      ) STRICT;

-- table dept_targets
CREATE TABLE dept_targets (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        measure TEXT NOT NULL CHECK (measure IN ('ros','production','parts','gross_profit')),
        total INTEGER NOT NULL CHECK (total >= 0),
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (year, quarter, measure)
      ) STRICT;

-- table devices
CREATE TABLE devices (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        revoked_at TEXT
      ) STRICT;

-- table display_tokens
CREATE TABLE display_tokens (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        token_hash TEXT NOT NULL UNIQUE,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        revoked_at TEXT,
        last_seen_at TEXT
      ) STRICT;

-- table etiquette_checks
CREATE TABLE etiquette_checks (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        checked_on TEXT NOT NULL CHECK (checked_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        checker_id INTEGER NOT NULL REFERENCES users(id),
        passed INTEGER NOT NULL CHECK (passed >= 0),
        items INTEGER NOT NULL CHECK (items > 0 AND passed <= items),
        created_at TEXT NOT NULL
      ) STRICT;

-- table etiquette_items
CREATE TABLE etiquette_items (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        position INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

-- table etiquette_results
CREATE TABLE etiquette_results (
        check_id INTEGER NOT NULL REFERENCES etiquette_checks(id) ON DELETE CASCADE,
        item_id INTEGER NOT NULL REFERENCES etiquette_items(id),
        passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (check_id, item_id)
      ) STRICT;

-- table export_batches
CREATE TABLE export_batches (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE CHECK (seq > 0),
        first_business_date TEXT NOT NULL,
        business_date TEXT NOT NULL,
        previous_id TEXT,
        cutoff TEXT NOT NULL,
        created_at TEXT NOT NULL,
        dir TEXT NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        rows INTEGER NOT NULL CHECK (rows >= 0),
        bytes INTEGER NOT NULL CHECK (bytes >= 0),
        watermarks TEXT NOT NULL,
        adopted INTEGER NOT NULL DEFAULT 0 CHECK (adopted IN (0, 1))
      ) STRICT;

-- table export_deliveries
CREATE TABLE export_deliveries (
        batch_id TEXT NOT NULL REFERENCES export_batches(id),
        target_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending','delivered')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_attempt_at TEXT,
        last_error TEXT,
        delivered_at TEXT,
        PRIMARY KEY (batch_id, target_id)
      ) STRICT, WITHOUT ROWID;

-- table external_purchases
CREATE TABLE external_purchases (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER REFERENCES repair_orders(id),
        part_id INTEGER NOT NULL REFERENCES parts(id),
        supplier_name TEXT NOT NULL,
        quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
        unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
        invoice_ref TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL CHECK (state IN ('pending_qc','accepted','rejected')),
        requested_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users(id),
        decided_at TEXT,
        qc_note TEXT NOT NULL DEFAULT '',
        move_id INTEGER REFERENCES stock_moves(id),
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table fives_audits
CREATE TABLE fives_audits (
        id INTEGER PRIMARY KEY,
        area TEXT NOT NULL CHECK (area IN ('workshop','parts_store','front_desk','lounge','wash_bay')),
        audited_on TEXT NOT NULL CHECK (audited_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        auditor_id INTEGER NOT NULL REFERENCES users(id),
        score INTEGER NOT NULL,
        max_score INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

-- table fives_findings
CREATE TABLE fives_findings (
        id INTEGER PRIMARY KEY,
        audit_id INTEGER NOT NULL REFERENCES fives_audits(id),
        text TEXT NOT NULL,
        owner_id INTEGER NOT NULL REFERENCES users(id),
        due_on TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','closed')),
        closed_at TEXT,
        closed_by INTEGER REFERENCES users(id),
        close_note TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table fives_items
CREATE TABLE fives_items (
        id INTEGER PRIMARY KEY,
        area TEXT NOT NULL CHECK (area IN ('workshop','parts_store','front_desk','lounge','wash_bay')),
        s TEXT NOT NULL CHECK (s IN ('seiri','seiton','seiso','seiketsu','shitsuke')),
        label TEXT NOT NULL,
        position INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

-- table fives_scores
CREATE TABLE fives_scores (
        audit_id INTEGER NOT NULL REFERENCES fives_audits(id) ON DELETE CASCADE,
        item_id INTEGER NOT NULL REFERENCES fives_items(id),
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 5),
        PRIMARY KEY (audit_id, item_id)
      ) STRICT;

-- table insurance_assessment_lines
CREATE TABLE insurance_assessment_lines (
        claim_id INTEGER NOT NULL REFERENCES insurance_claims(id) ON DELETE CASCADE,
        ro_line_id INTEGER NOT NULL REFERENCES ro_lines(id),
        assessed_fen INTEGER NOT NULL CHECK (assessed_fen >= 0),
        reason TEXT NOT NULL DEFAULT 'refused' CHECK (reason IN ('refused', 'betterment')),
        PRIMARY KEY (claim_id, ro_line_id)
      ) STRICT;

-- table insurance_claims
CREATE TABLE insurance_claims (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL UNIQUE REFERENCES repair_orders(id),
        insurer TEXT NOT NULL,
        policy_no TEXT NOT NULL,
        report_no TEXT NOT NULL,
        insured_name TEXT NOT NULL,
        deductible_fen INTEGER NOT NULL DEFAULT 0 CHECK (deductible_fen >= 0),
        assessor TEXT NOT NULL DEFAULT '',
        reported_on TEXT NOT NULL,
        arrived_on TEXT NOT NULL,
        assessed_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      , assessment_days INTEGER NOT NULL DEFAULT 3 CHECK (assessment_days >= 0), assessment_due_on TEXT NOT NULL DEFAULT '') STRICT;

-- table insurance_supplements
CREATE TABLE insurance_supplements (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES insurance_claims(id) ON DELETE CASCADE,
        ro_line_id INTEGER NOT NULL REFERENCES ro_lines(id),
        assessed_on TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT;

-- table invoices
CREATE TABLE invoices (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        settlement_id INTEGER NOT NULL REFERENCES settlements(id),
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        payer TEXT NOT NULL CHECK (payer IN ('customer','warranty','insurance','internal','campaign')),
        customer_id INTEGER REFERENCES customers(id),
        kind TEXT NOT NULL CHECK (kind IN ('invoice','credit')),
        reversal_of INTEGER UNIQUE REFERENCES invoices(id),
        net_fen INTEGER NOT NULL,
        vat_fen INTEGER NOT NULL,
        gross_fen INTEGER NOT NULL,
        discount_fen INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL CHECK (state IN ('issued','reversed')),
        insurer TEXT,
        claim_no TEXT,
        issued_at TEXT NOT NULL,
        issued_by INTEGER NOT NULL REFERENCES users(id),
        reversed_at TEXT,
        CHECK (gross_fen = net_fen + vat_fen),
        CHECK ((kind = 'credit') = (reversal_of IS NOT NULL)),
        CHECK (kind = 'credit' OR (gross_fen >= 0 AND discount_fen >= 0)),
        CHECK ((state = 'reversed') = (reversed_at IS NOT NULL)),
        CHECK (payer <> 'insurance' OR (insurer IS NOT NULL AND claim_no IS NOT NULL))
      ) STRICT;

-- table job_runs
CREATE TABLE job_runs (
        id INTEGER PRIMARY KEY,
        job TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        message TEXT NOT NULL DEFAULT ''
      ) STRICT;

-- table job_time_segments
CREATE TABLE job_time_segments (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES ro_jobs(id),
        technician_id INTEGER NOT NULL REFERENCES users(id),
        started_at TEXT NOT NULL,
        ended_at TEXT,
        pause_reason TEXT CHECK (pause_reason IS NULL OR pause_reason IN ('parts','break','other_job','other')),
        corrected_by INTEGER REFERENCES users(id),
        correction_reason TEXT, short_confirmed_by INTEGER REFERENCES users(id), short_confirmed_at TEXT,
        CHECK (ended_at IS NOT NULL OR pause_reason IS NULL)
      ) STRICT;

-- table kpi_targets
CREATE TABLE kpi_targets (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        kind TEXT NOT NULL CHECK (kind IN ('advisor','technician','parts')),
        kpi TEXT NOT NULL,
        target INTEGER NOT NULL CHECK (target >= 0),
        set_by INTEGER NOT NULL REFERENCES users(id),
        set_at TEXT NOT NULL,
        UNIQUE (month, kind, kpi)
      ) STRICT;

-- table labour_operations
CREATE TABLE labour_operations (
        code TEXT PRIMARY KEY,
        description TEXT NOT NULL,
        flat_hours_milli INTEGER NOT NULL CHECK (flat_hours_milli > 0),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

-- table login_events
CREATE TABLE login_events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        username TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        outcome TEXT NOT NULL CHECK (outcome IN ('success','failure','lockout','unlock')),
        scope TEXT NOT NULL DEFAULT 'user' CHECK (scope IN ('user','address')),
        address TEXT NOT NULL,
        device TEXT,
        locked_until TEXT,
        by_user_id INTEGER REFERENCES users(id),
        CHECK ((outcome = 'lockout') = (locked_until IS NOT NULL))
      ) STRICT;

-- table month_figures
CREATE TABLE month_figures (
        figure TEXT NOT NULL,
        variant TEXT NOT NULL,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        month_end TEXT NOT NULL,
        numerator INTEGER NOT NULL,
        denominator INTEGER NOT NULL,
        computed_at TEXT NOT NULL,
        PRIMARY KEY (figure, variant, month)
      ) STRICT;

-- table odometer_readings
CREATE TABLE odometer_readings (
        id INTEGER PRIMARY KEY,
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        km INTEGER NOT NULL CHECK (km >= 0),
        at TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('registration','check_in','correction')),
        ro_id INTEGER,
        override_by INTEGER REFERENCES users(id),
        override_reason TEXT
      ) STRICT;

-- table old_parts
CREATE TABLE old_parts (
        id INTEGER PRIMARY KEY,
        tag TEXT NOT NULL UNIQUE,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        part_id INTEGER REFERENCES parts(id),
        description TEXT NOT NULL,
        quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
        warranty INTEGER NOT NULL CHECK (warranty IN (0, 1)),
        disposition TEXT NOT NULL DEFAULT 'pending' CHECK (disposition IN
          ('pending','returned_to_customer','scrapped','kept_for_warranty','shipped_to_maker')),
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        disposed_by INTEGER REFERENCES users(id),
        disposed_at TEXT,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table part_requests
CREATE TABLE part_requests (
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        part_id INTEGER NOT NULL REFERENCES parts(id),
        requested_milli INTEGER NOT NULL CHECK (requested_milli > 0),
        first_at TEXT NOT NULL,
        served_from_stock INTEGER NOT NULL CHECK (served_from_stock IN (0, 1)),
        outcome TEXT CHECK (outcome IN ('lost_sale','special_order','external_purchase')),
        outcome_at TEXT,
        note TEXT NOT NULL DEFAULT '',
        user_id INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (ro_id, part_id)
      ) STRICT, WITHOUT ROWID;

-- table part_search
CREATE VIRTUAL TABLE part_search USING fts5(grams, name_key UNINDEXED, tokenize = 'unicode61 remove_diacritics 0', detail = none, columnsize = 0);

-- table part_search_config
CREATE TABLE 'part_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table part_search_content
CREATE TABLE 'part_search_content'(id INTEGER PRIMARY KEY, c0, c1);

-- table part_search_data
CREATE TABLE 'part_search_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table part_search_dirty
CREATE TABLE part_search_dirty (part_id INTEGER PRIMARY KEY) STRICT;

-- table part_search_idx
CREATE TABLE 'part_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table part_stock
CREATE TABLE part_stock (
        part_id INTEGER PRIMARY KEY REFERENCES parts(id),
        on_hand_milli INTEGER NOT NULL DEFAULT 0,
        value_fen INTEGER NOT NULL DEFAULT 0,
        avg_cost_fen INTEGER NOT NULL DEFAULT 0 CHECK (avg_cost_fen >= 0),
        last_move_id INTEGER,
        last_move_at TEXT,
        last_receipt_at TEXT,
        last_issue_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (on_hand_milli >= 0),
        CHECK (value_fen >= 0 AND (on_hand_milli > 0 OR value_fen = 0))
      ) STRICT;

-- table part_suppliers
CREATE TABLE part_suppliers (
        part_id INTEGER PRIMARY KEY REFERENCES parts(id),
        supplier_id INTEGER NOT NULL REFERENCES suppliers(id)
      ) STRICT;

-- table parts
CREATE TABLE parts (
        id INTEGER PRIMARY KEY,
        part_number TEXT NOT NULL UNIQUE,
        part_key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        brand TEXT,
        category TEXT,
        unit TEXT NOT NULL DEFAULT 'EA',
        bin TEXT,
        price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
        cost_fen INTEGER NOT NULL DEFAULT 0 CHECK (cost_fen >= 0),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table payments
CREATE TABLE payments (
        id INTEGER PRIMARY KEY,
        invoice_id INTEGER NOT NULL REFERENCES invoices(id),
        method TEXT NOT NULL CHECK (method IN ('cash','bank_card','wechat_pay','alipay','transfer')),
        amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
        reference TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        reversal_of INTEGER UNIQUE REFERENCES payments(id), tendered_fen INTEGER CHECK (tendered_fen IS NULL OR tendered_fen > 0), change_fen INTEGER NOT NULL DEFAULT 0 CHECK (change_fen >= 0),
        CHECK ((amount_fen < 0) = (reversal_of IS NOT NULL))
      ) STRICT;

-- table po_lines
CREATE TABLE po_lines (
        id INTEGER PRIMARY KEY,
        po_id INTEGER NOT NULL REFERENCES purchase_orders(id),
        part_id INTEGER NOT NULL REFERENCES parts(id),
        quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
        unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
        received_milli INTEGER NOT NULL DEFAULT 0 CHECK (received_milli >= 0),
        ro_id INTEGER REFERENCES repair_orders(id),
        customer_id INTEGER REFERENCES customers(id),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;

-- table po_receipt_lines
CREATE TABLE po_receipt_lines (
        id INTEGER PRIMARY KEY,
        receipt_id INTEGER NOT NULL REFERENCES po_receipts(id),
        po_line_id INTEGER NOT NULL REFERENCES po_lines(id),
        expected_milli INTEGER NOT NULL,
        received_milli INTEGER NOT NULL CHECK (received_milli >= 0),
        unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
        difference TEXT CHECK (difference IN ('short','over','damaged','wrong_part','price')),
        note TEXT NOT NULL DEFAULT '',
        move_id INTEGER REFERENCES stock_moves(id)
      ) STRICT;

-- table po_receipts
CREATE TABLE po_receipts (
        id INTEGER PRIMARY KEY,
        po_id INTEGER NOT NULL REFERENCES purchase_orders(id),
        at TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;

-- table purchase_orders
CREATE TABLE purchase_orders (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
        state TEXT NOT NULL CHECK (state IN ('draft','sent','partly_received','closed','cancelled')),
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        sent_at TEXT,
        closed_at TEXT,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table qc_checklist_items
CREATE TABLE qc_checklist_items (
        id INTEGER PRIMARY KEY,
        ro_type TEXT NOT NULL CHECK (ro_type IN ('maintenance','repair','warranty','insurance','internal','campaign')),
        position INTEGER NOT NULL,
        label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

-- table qc_inspection_items
CREATE TABLE qc_inspection_items (
        inspection_id INTEGER NOT NULL REFERENCES qc_inspections(id),
        item_id INTEGER NOT NULL REFERENCES qc_checklist_items(id),
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        note TEXT NOT NULL DEFAULT '', checked INTEGER NOT NULL DEFAULT 1 CHECK (checked IN (0, 1)),
        PRIMARY KEY (inspection_id, item_id)
      ) STRICT, WITHOUT ROWID;

-- table qc_inspections
CREATE TABLE qc_inspections (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        result TEXT NOT NULL CHECK (result IN ('pass','fail')),
        wash INTEGER NOT NULL DEFAULT 0 CHECK (wash IN (0, 1)),
        inspector_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;

-- table qc_rework
CREATE TABLE qc_rework (
        inspection_id INTEGER NOT NULL REFERENCES qc_inspections(id),
        job_id INTEGER NOT NULL REFERENCES ro_jobs(id),
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 2 AND 500),
        PRIMARY KEY (inspection_id, job_id)
      ) STRICT, WITHOUT ROWID;

-- table quality_incidents
CREATE TABLE quality_incidents (
        id INTEGER PRIMARY KEY,
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        ro_id INTEGER REFERENCES repair_orders(id),
        occurred_on TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('manual', 'qc_rework', 'repeat_visit')),
        source_key TEXT UNIQUE,
        what TEXT NOT NULL,
        analysis TEXT NOT NULL DEFAULT '',
        handling TEXT NOT NULL DEFAULT '',
        cost_fen INTEGER NOT NULL DEFAULT 0 CHECK (cost_fen >= 0),
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
        recorded_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        closed_at TEXT,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table repair_cases
CREATE TABLE repair_cases (
        id INTEGER PRIMARY KEY,
        submitted_on TEXT NOT NULL CHECK (submitted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        author_id INTEGER NOT NULL REFERENCES users(id),
        vehicle TEXT NOT NULL,
        fault TEXT NOT NULL,
        diagnosis TEXT NOT NULL,
        fix TEXT NOT NULL,
        hotline INTEGER NOT NULL DEFAULT 0 CHECK (hotline IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

-- table repair_orders
CREATE TABLE repair_orders (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL CHECK (type IN ('maintenance','repair','warranty','insurance','internal','campaign')),
        state TEXT NOT NULL,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        advisor_id INTEGER NOT NULL REFERENCES users(id),
        appointment_id INTEGER REFERENCES appointments(id),
        odometer_km INTEGER NOT NULL CHECK (odometer_km >= 0),
        fuel_eighths INTEGER NOT NULL CHECK (fuel_eighths BETWEEN 0 AND 8),
        concerns TEXT NOT NULL,
        promised_at TEXT,
        return_old_parts INTEGER NOT NULL DEFAULT 0 CHECK (return_old_parts IN (0, 1)),
        net_fen INTEGER NOT NULL DEFAULT 0,
        vat_fen INTEGER NOT NULL DEFAULT 0,
        gross_fen INTEGER NOT NULL DEFAULT 0,
        content_hash TEXT NOT NULL DEFAULT '',
        opened_at TEXT NOT NULL,
        completed_at TEXT,
        settled_at TEXT,
        delivered_at TEXT,
        cancelled_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table ro_authorisations
CREATE TABLE ro_authorisations (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        content_hash TEXT NOT NULL,
        gross_fen INTEGER NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('signature','in_person','phone')),
        authorised_by TEXT NOT NULL,
        signature_png TEXT,
        note TEXT NOT NULL DEFAULT '',
        recorded_by INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL,
        superseded_at TEXT
      ) STRICT;

-- table ro_findings
CREATE TABLE ro_findings (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('damage','valuable','warning_light')),
        area TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;

-- table ro_jobs
CREATE TABLE ro_jobs (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        ro_line_id INTEGER UNIQUE REFERENCES ro_lines(id),
        additional_line_id INTEGER UNIQUE REFERENCES additional_work_lines(id),
        description TEXT NOT NULL,
        skill TEXT CHECK (skill IS NULL OR skill IN ('general','mechanical','electrical','ev','body','paint')),
        technician_id INTEGER REFERENCES users(id),
        bay_id INTEGER REFERENCES bays(id),
        state TEXT NOT NULL CHECK (state IN ('proposed','declined','pending','dispatched','running','paused','done','rework')),
        pause_reason TEXT CHECK (pause_reason IS NULL OR pause_reason IN ('parts','break','other_job','other')),
        sold_hours_milli INTEGER NOT NULL CHECK (sold_hours_milli >= 0),
        rework_count INTEGER NOT NULL DEFAULT 0 CHECK (rework_count >= 0),
        dispatched_at TEXT,
        finished_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (ro_line_id IS NOT NULL OR state IN ('proposed','declined')),
        CHECK (technician_id IS NOT NULL OR state IN ('proposed','declined','pending')),
        CHECK ((pause_reason IS NOT NULL) = (state = 'paused'))
      ) STRICT;

-- table ro_lines
CREATE TABLE ro_lines (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('labour','part')),
        op_code TEXT,
        part_id INTEGER REFERENCES parts(id),
        description TEXT NOT NULL,
        quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
        unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
        amount_fen INTEGER NOT NULL,
        payer TEXT NOT NULL CHECK (payer IN ('customer','warranty','insurance','internal','campaign')),
        vat_rate_bp INTEGER NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
        UNIQUE (ro_id, position),
        CHECK ((kind = 'part') = (part_id IS NOT NULL))
      ) STRICT;

-- table ro_part_issues
CREATE TABLE ro_part_issues (
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        part_id INTEGER NOT NULL REFERENCES parts(id),
        issued_milli INTEGER NOT NULL CHECK (issued_milli >= 0),
        issued_value_fen INTEGER NOT NULL CHECK (issued_value_fen >= 0),
        first_issue_at TEXT NOT NULL,
        last_issue_at TEXT NOT NULL,
        PRIMARY KEY (ro_id, part_id)
      ) STRICT, WITHOUT ROWID;

-- table rules
CREATE TABLE rules (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL UNIQUE,
        params TEXT NOT NULL CHECK (json_valid(params)),
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        severity TEXT NOT NULL CHECK (severity IN ('info','warning','critical')),
        inbox_role TEXT NOT NULL,
        evaluated_at TEXT,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table rules_revision
CREATE TABLE rules_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL) STRICT;

-- table schema_migrations
CREATE TABLE schema_migrations (
    name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT;

-- table scorecard_reviews
CREATE TABLE scorecard_reviews (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        user_id INTEGER NOT NULL REFERENCES users(id),
        comment TEXT NOT NULL,
        commented_by INTEGER NOT NULL REFERENCES users(id),
        commented_at TEXT NOT NULL,
        acknowledged_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (month, user_id)
      ) STRICT;

-- table sequences
CREATE TABLE sequences (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT;

-- table sessions
CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

-- table settings
CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

-- table settlements
CREATE TABLE settlements (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        kind TEXT NOT NULL CHECK (kind IN ('settle','reversal')),
        reverses_id INTEGER UNIQUE REFERENCES settlements(id),
        gross_fen INTEGER NOT NULL,
        discount_fen INTEGER NOT NULL DEFAULT 0,
        reason TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL, parts_override_reason TEXT NOT NULL DEFAULT '', parts_override_by INTEGER REFERENCES users(id),
        CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL)),
        CHECK (kind = 'settle' OR length(reason) >= 2)
      ) STRICT;

-- table stock_moves
CREATE TABLE stock_moves (
        id INTEGER PRIMARY KEY,
        part_id INTEGER NOT NULL REFERENCES parts(id),
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('receipt','issue','return','adjustment','stocktake','transfer')),
        quantity_milli INTEGER NOT NULL CHECK (quantity_milli <> 0),
        unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
        value_fen INTEGER NOT NULL,
        on_hand_milli_after INTEGER NOT NULL CHECK (on_hand_milli_after >= 0),
        value_fen_after INTEGER NOT NULL CHECK (value_fen_after >= 0),
        user_id INTEGER REFERENCES users(id),
        reason TEXT NOT NULL DEFAULT '',
        ref_type TEXT CHECK (ref_type IN ('ro','po','stocktake','external','manual')),
        ref_id INTEGER,
        bin TEXT
      ) STRICT;

-- table stocktake_lines
CREATE TABLE stocktake_lines (
        stocktake_id INTEGER NOT NULL REFERENCES stocktakes(id),
        part_id INTEGER NOT NULL REFERENCES parts(id),
        bin TEXT,
        book_milli INTEGER NOT NULL CHECK (book_milli >= 0),
        book_value_fen INTEGER NOT NULL CHECK (book_value_fen >= 0),
        unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
        counted_milli INTEGER CHECK (counted_milli >= 0),
        counted_by INTEGER REFERENCES users(id),
        counted_at TEXT,
        move_id INTEGER REFERENCES stock_moves(id),
        PRIMARY KEY (stocktake_id, part_id)
      ) STRICT, WITHOUT ROWID;

-- table stocktakes
CREATE TABLE stocktakes (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        scope TEXT NOT NULL CHECK (scope IN ('all','bins')),
        bin_from TEXT,
        bin_to TEXT,
        state TEXT NOT NULL CHECK (state IN ('counting','approved','cancelled')),
        frozen_move_id INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users(id),
        decided_at TEXT,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table suppliers
CREATE TABLE suppliers (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        contact TEXT,
        phone TEXT,
        note TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table target_snapshots
CREATE TABLE target_snapshots (
        month TEXT NOT NULL,
        target TEXT NOT NULL,
        value INTEGER,
        numerator INTEGER NOT NULL,
        denominator INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (month, target)
      ) STRICT, WITHOUT ROWID;

-- table technician_skills
CREATE TABLE technician_skills (
        user_id INTEGER NOT NULL REFERENCES technicians(user_id) ON DELETE CASCADE,
        skill TEXT NOT NULL CHECK (skill IN ('general','mechanical','electrical','ev','body','paint')),
        PRIMARY KEY (user_id, skill)
      ) STRICT, WITHOUT ROWID;

-- table technicians
CREATE TABLE technicians (
        user_id INTEGER PRIMARY KEY REFERENCES users(id),
        allow_parallel INTEGER NOT NULL DEFAULT 0 CHECK (allow_parallel IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT;

-- table training_attendees
CREATE TABLE training_attendees (
        session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        passed INTEGER CHECK (passed IN (0, 1)),
        score INTEGER CHECK (score BETWEEN 0 AND 100),
        PRIMARY KEY (session_id, user_id)
      ) STRICT;

-- table training_sessions
CREATE TABLE training_sessions (
        id INTEGER PRIMARY KEY,
        held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        department TEXT NOT NULL CHECK (department IN ('front_desk','workshop','parts')),
        type TEXT NOT NULL CHECK (type IN ('internal','maker','technical','etiquette')),
        topic TEXT NOT NULL,
        trainer TEXT NOT NULL,
        duration_min INTEGER NOT NULL CHECK (duration_min > 0),
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT;

-- table users
CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('service_manager','front_desk_supervisor','service_advisor',
          'workshop_supervisor','technician','technical_supervisor','parts_supervisor','parts_clerk',
          'warranty_clerk','cashier','administrator')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        locale TEXT NOT NULL DEFAULT 'zh-CN',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table vehicle_owners
CREATE TABLE vehicle_owners (
        id INTEGER PRIMARY KEY,
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        from_at TEXT NOT NULL,
        to_at TEXT,
        recorded_by INTEGER REFERENCES users(id)
      ) STRICT;

-- table vehicles
CREATE TABLE vehicles (
        id INTEGER PRIMARY KEY,
        vin TEXT NOT NULL UNIQUE CHECK (length(vin) = 17),
        vin_rev TEXT NOT NULL,
        plate TEXT UNIQUE,
        plate_tail TEXT,
        energy TEXT NOT NULL DEFAULT 'fuel' CHECK (energy IN ('fuel','new_energy')),
        make TEXT NOT NULL,
        model TEXT NOT NULL,
        model_year INTEGER,
        colour TEXT,
        engine_no TEXT,
        first_registered_on TEXT,
        owner_id INTEGER NOT NULL REFERENCES customers(id),
        odometer_km INTEGER NOT NULL DEFAULT 0 CHECK (odometer_km >= 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table warranty_call_runs
CREATE TABLE warranty_call_runs (
        kind TEXT PRIMARY KEY CHECK (kind IN ('coverage_expiry', 'first_service')),
        day TEXT NOT NULL,
        variant TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;

-- table warranty_calls
CREATE TABLE warranty_calls (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('coverage_expiry', 'first_service')),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        starts_on TEXT NOT NULL,
        months INTEGER NOT NULL CHECK (months > 0),
        ends_on TEXT NOT NULL,
        due_date TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'booked', 'declined', 'wrong_number')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_try_at TEXT,
        appointment_id INTEGER REFERENCES appointments(id),
        closed_at TEXT,
        closed_by INTEGER REFERENCES users(id),
        close_note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (due_date <= ends_on),
        UNIQUE (vehicle_id, kind, months)
      ) STRICT;

-- table warranty_check_rules
CREATE TABLE "warranty_check_rules" (
        rule TEXT PRIMARY KEY CHECK (rule IN ('coverage', 'mileage_backwards', 'causal_part_on_ro', 'duplicate_operation', 'late_submission', 'old_part_tagged', 'narrative', 'labour_hours', 'authority')),
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        severity TEXT NOT NULL CHECK (severity IN ('block', 'warn')),
        param INTEGER
      , version INTEGER NOT NULL DEFAULT 1) STRICT;

-- table warranty_claim_expenses
CREATE TABLE warranty_claim_expenses (
        claim_id INTEGER NOT NULL REFERENCES warranty_claims(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('sublet', 'towing', 'other')),
        description TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        PRIMARY KEY (claim_id, position)
      ) STRICT;

-- table warranty_claim_labour
CREATE TABLE warranty_claim_labour (
        claim_id INTEGER NOT NULL REFERENCES warranty_claims(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        op_code TEXT,
        description TEXT NOT NULL,
        hours_milli INTEGER NOT NULL CHECK (hours_milli > 0),
        rate_fen INTEGER NOT NULL CHECK (rate_fen >= 0),
        amount_fen INTEGER NOT NULL,
        PRIMARY KEY (claim_id, position)
      ) STRICT;

-- table warranty_claim_log
CREATE TABLE warranty_claim_log (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES warranty_claims(id) ON DELETE CASCADE,
        from_state TEXT CHECK (from_state IN ('draft', 'checked', 'submitted', 'approved', 'returned', 'rejected', 'resubmitted', 'paid', 'written_off')),
        to_state TEXT NOT NULL CHECK (to_state IN ('draft', 'checked', 'submitted', 'approved', 'returned', 'rejected', 'resubmitted', 'paid', 'written_off')),
        at TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        reason TEXT NOT NULL DEFAULT ''
      ) STRICT;

-- table warranty_claim_overrides
CREATE TABLE "warranty_claim_overrides" (
        claim_id INTEGER NOT NULL REFERENCES warranty_claims(id) ON DELETE CASCADE,
        rule TEXT NOT NULL CHECK (rule IN ('coverage', 'mileage_backwards', 'causal_part_on_ro', 'duplicate_operation', 'late_submission', 'old_part_tagged', 'narrative', 'labour_hours', 'authority')),
        reason TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL,
        PRIMARY KEY (claim_id, rule)
      ) STRICT;

-- table warranty_claim_parts
CREATE TABLE warranty_claim_parts (
        claim_id INTEGER NOT NULL REFERENCES warranty_claims(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        part_id INTEGER REFERENCES parts(id),
        description TEXT NOT NULL,
        quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
        unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
        amount_fen INTEGER NOT NULL,
        PRIMARY KEY (claim_id, position)
      ) STRICT;

-- table warranty_claim_payments
CREATE TABLE warranty_claim_payments (
        claim_id INTEGER PRIMARY KEY REFERENCES warranty_claims(id),
        invoice_id INTEGER NOT NULL REFERENCES invoices(id),
        payment_id INTEGER REFERENCES payments(id),
        import_id INTEGER REFERENCES warranty_payment_imports(id),
        line INTEGER,
        claimed_fen INTEGER NOT NULL CHECK (claimed_fen >= 0),
        paid_fen INTEGER NOT NULL CHECK (paid_fen >= 0),
        reference TEXT NOT NULL DEFAULT '',
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT;

-- table warranty_claim_sanbao
CREATE TABLE warranty_claim_sanbao (
        claim_id INTEGER PRIMARY KEY REFERENCES warranty_claims(id) ON DELETE CASCADE,
        safety_fault INTEGER NOT NULL DEFAULT 0 CHECK (safety_fault IN (0, 1)),
        replaced TEXT CHECK (replaced IS NULL OR replaced IN ('engine', 'transmission', 'nev_battery', 'nev_motor')),
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT;

-- table warranty_claims
CREATE TABLE warranty_claims (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        claim_type TEXT NOT NULL CHECK (claim_type IN ('general', 'campaign', 'first_service', 'pre_authorised', 'goodwill', 'controlled_part')),
        state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'checked', 'submitted', 'approved', 'returned', 'rejected', 'resubmitted', 'paid', 'written_off')),
        causal_part_id INTEGER REFERENCES parts(id),
        failure_code TEXT NOT NULL DEFAULT '',
        mileage_km INTEGER NOT NULL CHECK (mileage_km >= 0),
        concern TEXT NOT NULL DEFAULT '',
        cause TEXT NOT NULL DEFAULT '',
        correction TEXT NOT NULL DEFAULT '',
        labour_fen INTEGER NOT NULL DEFAULT 0,
        parts_fen INTEGER NOT NULL DEFAULT 0,
        other_fen INTEGER NOT NULL DEFAULT 0,
        total_fen INTEGER NOT NULL DEFAULT 0,
        approved_fen INTEGER,
        paid_fen INTEGER,
        maker_ref TEXT NOT NULL DEFAULT '',
        submissions INTEGER NOT NULL DEFAULT 0,
        first_submitted_at TEXT,
        submitted_at TEXT,
        decided_at TEXT,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table warranty_first_service_terms
CREATE TABLE warranty_first_service_terms (
        make TEXT PRIMARY KEY,
        months INTEGER NOT NULL CHECK (months BETWEEN 1 AND 60),
        km INTEGER NOT NULL CHECK (km BETWEEN 500 AND 100000)
      ) STRICT;

-- table warranty_first_services
CREATE TABLE warranty_first_services (
        vehicle_id INTEGER PRIMARY KEY REFERENCES vehicles(id),
        starts_on TEXT NOT NULL,
        months INTEGER NOT NULL CHECK (months > 0),
        km INTEGER NOT NULL CHECK (km > 0),
        closes_by_months TEXT NOT NULL,
        closes_by_km TEXT,
        closes_on TEXT NOT NULL,
        closes_by TEXT NOT NULL CHECK (closes_by IN ('months', 'km')),
        due_on TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (closes_on >= starts_on),
        CHECK (due_on <= closes_on)
      ) STRICT;

-- table warranty_line_overrides
CREATE TABLE warranty_line_overrides (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        coverage TEXT NOT NULL CHECK (coverage IN ('basic', 'powertrain', 'nev_battery', 'nev_motor', 'wear')),
        reason TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT;

-- table warranty_old_parts
CREATE TABLE warranty_old_parts (
        old_part_id INTEGER PRIMARY KEY REFERENCES old_parts(id),
        claim_id INTEGER NOT NULL REFERENCES warranty_claims(id),
        place TEXT NOT NULL,
        handling TEXT NOT NULL CHECK (handling IN ('return', 'retain')),
        due_on TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        shipment_id INTEGER REFERENCES warranty_shipments(id),
        scrap_reason TEXT NOT NULL DEFAULT '',
        scrapped_by INTEGER REFERENCES users(id),
        scrapped_at TEXT,
        kept_by INTEGER NOT NULL REFERENCES users(id),
        kept_at TEXT NOT NULL
      ) STRICT;

-- table warranty_part_rules
CREATE TABLE warranty_part_rules (
        make TEXT PRIMARY KEY,
        return_days INTEGER NOT NULL CHECK (return_days > 0),
        retain_days INTEGER NOT NULL CHECK (retain_days > 0)
      , version INTEGER NOT NULL DEFAULT 1) STRICT;

-- table warranty_payment_imports
CREATE TABLE warranty_payment_imports (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        claims INTEGER NOT NULL CHECK (claims >= 0),
        paid_fen INTEGER NOT NULL CHECK (paid_fen >= 0),
        written_off_fen INTEGER NOT NULL CHECK (written_off_fen >= 0),
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT;

-- table warranty_register_log
CREATE TABLE warranty_register_log (
        id INTEGER PRIMARY KEY,
        register_id INTEGER NOT NULL REFERENCES warranty_registers(id) ON DELETE CASCADE,
        from_state TEXT CHECK (from_state IN ('draft', 'submitted', 'approved', 'returned', 'rejected', 'resubmitted', 'closed')),
        to_state TEXT NOT NULL CHECK (to_state IN ('draft', 'submitted', 'approved', 'returned', 'rejected', 'resubmitted', 'closed')),
        at TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        reason TEXT NOT NULL DEFAULT ''
      ) STRICT;

-- table warranty_registers
CREATE TABLE warranty_registers (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('over_authority', 'quality_feedback')),
        number TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'approved', 'returned', 'rejected', 'resubmitted', 'closed')),
        ro_id INTEGER REFERENCES repair_orders(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        claim_id INTEGER REFERENCES warranty_claims(id),
        requested_fen INTEGER CHECK (requested_fen >= 0),
        approved_fen INTEGER CHECK (approved_fen >= 0),
        maker_ref TEXT NOT NULL DEFAULT '',
        part_id INTEGER REFERENCES parts(id),
        part_text TEXT NOT NULL DEFAULT '',
        failure TEXT NOT NULL DEFAULT '',
        occurrences INTEGER CHECK (occurrences >= 1),
        severity TEXT CHECK (severity IN ('safety', 'function', 'comfort', 'appearance')),
        note TEXT NOT NULL DEFAULT '',
        submissions INTEGER NOT NULL DEFAULT 0,
        submitted_at TEXT,
        decided_at TEXT,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (kind != 'over_authority' OR (requested_fen IS NOT NULL AND occurrences IS NULL AND severity IS NULL)),
        CHECK (kind != 'quality_feedback' OR (occurrences IS NOT NULL AND severity IS NOT NULL AND claim_id IS NULL AND requested_fen IS NULL AND approved_fen IS NULL))
      ) STRICT;

-- table warranty_shipments
CREATE TABLE warranty_shipments (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'shipped', 'received')),
        carrier TEXT NOT NULL DEFAULT '',
        waybill TEXT NOT NULL DEFAULT '',
        receipt_ref TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        shipped_by INTEGER REFERENCES users(id),
        shipped_at TEXT,
        received_by INTEGER REFERENCES users(id),
        received_at TEXT,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

-- table warranty_starts
CREATE TABLE warranty_starts (
        vehicle_id INTEGER PRIMARY KEY REFERENCES vehicles(id),
        starts_on TEXT NOT NULL CHECK (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        recorded_by INTEGER REFERENCES users(id),
        recorded_at TEXT NOT NULL
      ) STRICT;

-- table warranty_terms
CREATE TABLE warranty_terms (
        make TEXT NOT NULL,
        model TEXT NOT NULL,
        coverage TEXT NOT NULL CHECK (coverage IN ('basic', 'powertrain', 'nev_battery', 'nev_motor', 'wear')),
        months INTEGER NOT NULL CHECK (months > 0),
        km INTEGER NOT NULL CHECK (km > 0),
        PRIMARY KEY (make, model, coverage)
      ) STRICT;

-- table warranty_write_offs
CREATE TABLE warranty_write_offs (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL UNIQUE REFERENCES warranty_claims(id),
        invoice_id INTEGER NOT NULL REFERENCES invoices(id),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        disposition TEXT NOT NULL CHECK (disposition IN ('write_off', 'recharge_customer', 'recharge_internal')),
        reason TEXT NOT NULL,
        import_id INTEGER REFERENCES warranty_payment_imports(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      , recharge_invoice_id INTEGER REFERENCES invoices(id)) STRICT;

-- trigger month_figures_invoice_delete
CREATE TRIGGER month_figures_invoice_delete AFTER DELETE ON invoices
       BEGIN DELETE FROM month_figures WHERE figure = 'insurance_collection' AND month = substr(OLD.issued_at, 1, 7); END;

-- trigger month_figures_invoice_insert
CREATE TRIGGER month_figures_invoice_insert AFTER INSERT ON invoices
       BEGIN DELETE FROM month_figures WHERE figure = 'insurance_collection' AND month = substr(NEW.issued_at, 1, 7); END;

-- trigger month_figures_invoice_update
CREATE TRIGGER month_figures_invoice_update AFTER UPDATE ON invoices
       BEGIN DELETE FROM month_figures WHERE figure = 'insurance_collection' AND month IN (substr(OLD.issued_at, 1, 7), substr(NEW.issued_at, 1, 7)); END;

-- trigger month_figures_move_delete
CREATE TRIGGER month_figures_move_delete AFTER DELETE ON stock_moves
       BEGIN DELETE FROM month_figures WHERE month_end > OLD.at; END;

-- trigger month_figures_move_insert
CREATE TRIGGER month_figures_move_insert AFTER INSERT ON stock_moves
         WHEN NEW.at < (SELECT MAX(month_end) FROM month_figures)
       BEGIN DELETE FROM month_figures WHERE month_end > NEW.at; END;

-- trigger month_figures_move_update
CREATE TRIGGER month_figures_move_update AFTER UPDATE ON stock_moves
       BEGIN DELETE FROM month_figures WHERE month_end > MIN(OLD.at, NEW.at); END;

-- trigger month_figures_payment_delete
CREATE TRIGGER month_figures_payment_delete AFTER DELETE ON payments
       BEGIN DELETE FROM month_figures WHERE figure = 'insurance_collection'
               AND month = (SELECT substr(issued_at, 1, 7) FROM invoices WHERE id = OLD.invoice_id); END;

-- trigger month_figures_payment_insert
CREATE TRIGGER month_figures_payment_insert AFTER INSERT ON payments
       BEGIN DELETE FROM month_figures WHERE figure = 'insurance_collection'
               AND month = (SELECT substr(issued_at, 1, 7) FROM invoices WHERE id = NEW.invoice_id); END;

-- trigger month_figures_payment_update
CREATE TRIGGER month_figures_payment_update AFTER UPDATE ON payments
       BEGIN DELETE FROM month_figures WHERE figure = 'insurance_collection'
               AND month IN (SELECT substr(issued_at, 1, 7) FROM invoices WHERE id IN (OLD.invoice_id, NEW.invoice_id)); END;

-- trigger month_figures_request_delete
CREATE TRIGGER month_figures_request_delete AFTER DELETE ON part_requests
       BEGIN DELETE FROM month_figures WHERE figure = 'fill_rate' AND month = substr(OLD.first_at, 1, 7); END;

-- trigger month_figures_request_insert
CREATE TRIGGER month_figures_request_insert AFTER INSERT ON part_requests
       BEGIN DELETE FROM month_figures WHERE figure = 'fill_rate' AND month = substr(NEW.first_at, 1, 7); END;

-- trigger month_figures_request_update
CREATE TRIGGER month_figures_request_update AFTER UPDATE OF first_at, served_from_stock ON part_requests
       BEGIN DELETE FROM month_figures WHERE figure = 'fill_rate' AND month IN (substr(OLD.first_at, 1, 7), substr(NEW.first_at, 1, 7)); END;

-- trigger month_figures_ro_delete
CREATE TRIGGER month_figures_ro_delete AFTER DELETE ON repair_orders WHEN OLD.completed_at IS NOT NULL
       BEGIN DELETE FROM month_figures WHERE figure IN ('maintenance_settlement', 'insurance_settlement') AND month = substr(OLD.completed_at, 1, 7); END;

-- trigger month_figures_ro_insert
CREATE TRIGGER month_figures_ro_insert AFTER INSERT ON repair_orders WHEN NEW.completed_at IS NOT NULL
       BEGIN DELETE FROM month_figures WHERE figure IN ('maintenance_settlement', 'insurance_settlement') AND month = substr(NEW.completed_at, 1, 7); END;

-- trigger month_figures_ro_update
CREATE TRIGGER month_figures_ro_update AFTER UPDATE OF completed_at, settled_at, state, type ON repair_orders
         WHEN OLD.completed_at IS NOT NULL OR NEW.completed_at IS NOT NULL
       BEGIN DELETE FROM month_figures WHERE figure IN ('maintenance_settlement', 'insurance_settlement')
               AND month IN (substr(OLD.completed_at, 1, 7), substr(NEW.completed_at, 1, 7)); END;

-- trigger parts_search_delete
CREATE TRIGGER parts_search_delete AFTER DELETE ON parts BEGIN
        INSERT OR IGNORE INTO part_search_dirty (part_id) VALUES (old.id);
      END;

-- trigger parts_search_insert
CREATE TRIGGER parts_search_insert AFTER INSERT ON parts BEGIN
        INSERT OR IGNORE INTO part_search_dirty (part_id) VALUES (new.id);
      END;

-- trigger parts_search_update
CREATE TRIGGER parts_search_update AFTER UPDATE OF name ON parts BEGIN
        INSERT OR IGNORE INTO part_search_dirty (part_id) VALUES (new.id);
      END;

-- trigger rules_revision_delete
CREATE TRIGGER rules_revision_delete AFTER DELETE ON rules BEGIN UPDATE rules_revision SET revision = random() WHERE id = 1; END;

-- trigger rules_revision_insert
CREATE TRIGGER rules_revision_insert AFTER INSERT ON rules BEGIN UPDATE rules_revision SET revision = random() WHERE id = 1; END;

-- trigger rules_revision_update
CREATE TRIGGER rules_revision_update AFTER UPDATE ON rules BEGIN UPDATE rules_revision SET revision = random() WHERE id = 1; END;

-- view receivables
CREATE VIEW receivables AS
        SELECT i.id AS invoice_id, i.number, i.ro_id, i.payer, i.customer_id, i.insurer, i.claim_no, i.issued_at, i.gross_fen,
               COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id), 0) AS paid_fen,
               i.gross_fen - COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id), 0)
                 - COALESCE((SELECT SUM(w.amount_fen) FROM warranty_write_offs w WHERE w.invoice_id = i.id), 0) AS balance_fen
          FROM invoices i WHERE i.kind = 'invoice' AND i.state = 'issued';
