import { createHash } from 'node:crypto'
import { withValidCheckDigit } from '../../shared/domain/vin'
import type { Store } from '../store/open'

// Small, readable test data. The parts catalogue has no channel of its own yet (the parts area
// comes later), so tests put parts and labour operations straight into the store.

/** A valid VIN whose last six characters are the serial, e.g. testVin(123456) → LSVAB2BM?RN123456. */
export function testVin(serial: number, wmi = 'LSV'): string {
  return withValidCheckDigit(`${wmi}AB2BM0RN${String(serial).padStart(6, '0')}`)
}

/** Same VIN, one check digit off: passes every check but the check digit. */
export function vinWithBadCheckDigit(serial: number): string {
  const vin = testVin(serial)
  const wrong = vin[8] === '0' ? '1' : '0'
  return vin.slice(0, 8) + wrong + vin.slice(9)
}

export interface SeededCatalog {
  oilFilterId: number
  engineOilId: number
  inactivePartId: number
}

export function seedCatalog(store: Store, now = '2026-11-01T09:00:00+08:00'): SeededCatalog {
  const part = store.prepare(
    `INSERT INTO parts (part_number, part_key, name, brand, unit, bin, price_fen, cost_fen, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const add = (partNumber: string, name: string, priceFen: number, active = 1) =>
    Number(
      part.run(partNumber, partNumber.toUpperCase().replace(/[^A-Z0-9]/g, ''), name, '大众原厂', 'EA', 'A-01-02', priceFen, Math.round(priceFen * 0.7), active, now, now)
        .lastInsertRowid,
    )
  const oilFilterId = add('06L-115-562-B', '机油滤清器', 6800)
  const engineOilId = add('G-052-195-M4', '发动机机油 5W-30 (1L)', 8800)
  const inactivePartId = add('1K0-199-262-AL', '发动机支架（停用）', 45000, 0)
  const op = store.prepare('INSERT INTO labour_operations (code, description, flat_hours_milli) VALUES (?, ?, ?)')
  op.run('BY001', '更换机油及机油滤清器', 500)
  op.run('BY002', '更换空气滤清器', 300)
  op.run('ZD001', '更换前刹车片', 1200)
  return { oilFilterId, engineOilId, inactivePartId }
}

/**
 * A fingerprint of every table's rows, to prove a refused call changed nothing. (SQLite's
 * total_changes() is no use here: it also counts changes that were rolled back.)
 */
export function dbFingerprint(store: Store): Record<string, string> {
  const tables = store.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[]
  const out: Record<string, string> = {}
  for (const { name } of tables) {
    // Sorted as text: some tables (sessions) have no rowid to order by.
    const rows = store.sqlite.prepare(`SELECT * FROM "${name}"`).all().map((row) => JSON.stringify(row)).sort()
    out[name] = `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`
  }
  return out
}
