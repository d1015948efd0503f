import type { Ctx } from '../api/context'
import { sql } from 'kysely'
import { preparedQuery } from '../store/query'
import type { In, Out } from './types'

// Look-ups for estimate lines: parts by number (typed with or without dashes and spaces) or
// name, labour operations by code or description. Active entries only.

type PartHit = Out<'catalog.parts.search'>[number]
type LabourOp = Out<'catalog.labour.search'>[number]

const END = '\u{10FFFF}'
const PART_COLUMNS = ['id', 'part_number', 'name', 'brand', 'unit', 'bin', 'price_fen'] as const
const ESCAPE = sql.lit('\\')

const partsByKey = preparedQuery<{ from: string; to: string; limit: number }>()((db, p) =>
  db
    .selectFrom('parts')
    .select(PART_COLUMNS)
    .where('part_key', '>=', p.from)
    .where('part_key', '<', p.to)
    .where('active', '=', 1)
    .orderBy('part_key')
    .limit(p.limit),
)
const partsByName = preparedQuery<{ like: string; limit: number }>()((db, p) =>
  db
    .selectFrom('parts')
    .select(PART_COLUMNS)
    .where(sql<boolean>`${sql.ref('name')} LIKE ${p.like} ESCAPE ${ESCAPE}`)
    .where('active', '=', 1)
    .orderBy('name')
    .limit(p.limit),
)
const labourOps = preparedQuery<{ from: string; to: string; like: string; limit: number }>()((db, p) => {
  const byCode = sql<boolean>`(${sql.ref('code')} >= ${p.from} AND ${sql.ref('code')} < ${p.to})`
  return db
    .selectFrom('labour_operations')
    .select(['code', 'description', 'flat_hours_milli'])
    .where('active', '=', 1)
    .where((eb) => eb.or([byCode, sql<boolean>`${sql.ref('description')} LIKE ${p.like} ESCAPE ${ESCAPE}`]))
    .orderBy(byCode, 'desc')
    .orderBy('code')
    .limit(p.limit)
})

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
  const byNumber = key === '' ? [] : partsByKey.all(ctx.store, { from: key, to: key + END, limit: input.limit })
  // A substring of the name cannot use an index; acceptable at catalogue sizes for now (LIMIT).
  const byName = partsByName.all(ctx.store, { like: likeContains(input.q), limit: input.limit })
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
  const rows = labourOps.all(ctx.store, { from: code, to: code + END, like: likeContains(input.q), limit: input.limit })
  return rows.map((r) => ({ code: r.code, description: r.description, flatHoursMilli: r.flat_hours_milli }))
}
