import type { Ctx } from '../api/context'
import type { In, Out } from './types'

// Look-ups for estimate lines: parts by number (typed with or without dashes and spaces) or
// name, labour operations by code or description. Active entries only.

type PartHit = Out<'catalog.parts.search'>[number]
type LabourOp = Out<'catalog.labour.search'>[number]

const END = '\u{10FFFF}'
const PART_COLUMNS = 'id, part_number, name, brand, unit, bin, price_fen'

interface PartRow {
  id: number
  part_number: string
  name: string
  brand: string | null
  unit: string
  bin: string | null
  price_fen: number
}

/** The form part numbers are indexed by: uppercase, letters and digits only. */
export function partKey(partNumber: string): string {
  return partNumber.toUpperCase().replace(/[^A-Z0-9]/g, '')
}

/** `%` and `_` typed by a person are literal characters, not wildcards. */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export function searchParts(ctx: Ctx, input: In<'catalog.parts.search'>): PartHit[] {
  const key = partKey(input.q)
  const byNumber =
    key === ''
      ? []
      : (ctx.store
          .prepare(
            `SELECT ${PART_COLUMNS} FROM parts WHERE part_key >= ? AND part_key < ? AND active = 1 ORDER BY part_key LIMIT ?`,
          )
          .all(key, key + END, input.limit) as PartRow[])
  // A substring of the name cannot use an index; acceptable at catalogue sizes for now (LIMIT).
  const byName = ctx.store
    .prepare(`SELECT ${PART_COLUMNS} FROM parts WHERE name LIKE ? ESCAPE '\\' AND active = 1 ORDER BY name LIMIT ?`)
    .all(likeContains(input.q), input.limit) as PartRow[]
  const seen = new Set<number>()
  const hits: PartHit[] = []
  for (const row of [...byNumber, ...byName]) {
    if (seen.has(row.id) || hits.length >= input.limit) continue
    seen.add(row.id)
    hits.push({
      id: row.id,
      partNumber: row.part_number,
      name: row.name,
      brand: row.brand,
      unit: row.unit,
      bin: row.bin,
      priceFen: row.price_fen,
    })
  }
  return hits
}

export function searchLabour(ctx: Ctx, input: In<'catalog.labour.search'>): LabourOp[] {
  const code = input.q.toUpperCase()
  const rows = ctx.store
    .prepare(
      `SELECT code, description, flat_hours_milli FROM labour_operations
        WHERE active = 1 AND ((code >= ? AND code < ?) OR description LIKE ? ESCAPE '\\')
        ORDER BY (code >= ? AND code < ?) DESC, code LIMIT ?`,
    )
    .all(code, code + END, likeContains(input.q), code, code + END, input.limit) as {
    code: string
    description: string
    flat_hours_milli: number
  }[]
  return rows.map((r) => ({ code: r.code, description: r.description, flatHoursMilli: r.flat_hours_milli }))
}
