import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: customers, vehicles and their history, the parts catalogue and labour operations that
// estimates draw on, appointments, repair orders with check-in findings, lines and authorisations.
const payers = `('customer','warranty','insurance','internal','campaign')`

export const m0002: Migration = {
  name: '0002-reception',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE sequences (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT`,
      `CREATE TABLE customers (
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
      ) STRICT`,
      `CREATE INDEX customers_mobile ON customers(mobile)`,
      `CREATE INDEX customers_name ON customers(name)`,
      `CREATE INDEX customers_updated ON customers(updated_at)`,
      // vin_rev is the VIN reversed, so "last 6 of the VIN" is an index range scan.
      // plate_tail is the plate without its province character ("A12345" finds "京A12345").
      `CREATE TABLE vehicles (
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
      ) STRICT`,
      `CREATE INDEX vehicles_vin_rev ON vehicles(vin_rev)`,
      `CREATE INDEX vehicles_plate_tail ON vehicles(plate_tail)`,
      `CREATE INDEX vehicles_owner ON vehicles(owner_id)`,
      `CREATE INDEX vehicles_updated ON vehicles(updated_at)`,
      `CREATE TABLE vehicle_owners (
        id INTEGER PRIMARY KEY,
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        from_at TEXT NOT NULL,
        to_at TEXT,
        recorded_by INTEGER REFERENCES users(id)
      ) STRICT`,
      `CREATE INDEX vehicle_owners_vehicle ON vehicle_owners(vehicle_id)`,
      `CREATE TABLE odometer_readings (
        id INTEGER PRIMARY KEY,
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        km INTEGER NOT NULL CHECK (km >= 0),
        at TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('registration','check_in','correction')),
        ro_id INTEGER,
        override_by INTEGER REFERENCES users(id),
        override_reason TEXT
      ) STRICT`,
      `CREATE INDEX odometer_readings_vehicle ON odometer_readings(vehicle_id, at)`,
      `CREATE TABLE parts (
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
      ) STRICT`,
      `CREATE INDEX parts_name ON parts(name)`,
      `CREATE TABLE labour_operations (
        code TEXT PRIMARY KEY,
        description TEXT NOT NULL,
        flat_hours_milli INTEGER NOT NULL CHECK (flat_hours_milli > 0),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT`,
      `CREATE TABLE appointments (
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
      ) STRICT`,
      `CREATE INDEX appointments_day ON appointments(starts_at)`,
      `CREATE TABLE repair_orders (
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
      ) STRICT`,
      `CREATE INDEX repair_orders_vehicle ON repair_orders(vehicle_id, opened_at)`,
      `CREATE INDEX repair_orders_customer ON repair_orders(customer_id)`,
      `CREATE INDEX repair_orders_state ON repair_orders(state, opened_at)`,
      `CREATE INDEX repair_orders_opened ON repair_orders(opened_at)`,
      `CREATE INDEX repair_orders_updated ON repair_orders(updated_at)`,
      `CREATE TABLE ro_findings (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('damage','valuable','warning_light')),
        area TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT`,
      `CREATE INDEX ro_findings_ro ON ro_findings(ro_id)`,
      `CREATE TABLE ro_lines (
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
        payer TEXT NOT NULL CHECK (payer IN ${payers}),
        vat_rate_bp INTEGER NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
        UNIQUE (ro_id, position),
        CHECK ((kind = 'part') = (part_id IS NOT NULL))
      ) STRICT`,
      `CREATE INDEX ro_lines_part ON ro_lines(part_id)`,
      `CREATE TABLE ro_authorisations (
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
      ) STRICT`,
      `CREATE INDEX ro_authorisations_ro ON ro_authorisations(ro_id)`,
    ]),
}
