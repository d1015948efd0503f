import type { ExportColumn, ExportTableSpec } from './spec'
import { applyModeOf } from './spec'
import { FORMAT, SCHEMA_VERSION } from './manifest'

// JSON Schema (draft 2020-12) of one exported table's rows, and the same rules checked in code
// by the verifier (so verifying needs no schema library).

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/
const DATE = /^\d{4}-\d\d-\d\d$/

function columnSchema(c: ExportColumn): Record<string, unknown> {
  const base: Record<string, unknown> =
    c.type === 'integer'
      ? { type: 'integer' }
      : c.type === 'boolean'
        ? { type: 'boolean' }
        : c.type === 'datetime'
          ? { type: 'string', format: 'date-time' }
          : c.type === 'date'
            ? { type: 'string', format: 'date' }
            : { type: 'string' }
  if (c.enum) base.enum = c.nullable ? [...c.enum, null] : [...c.enum]
  if (c.nullable) base.type = [base.type as string, 'null']
  const notes = [c.description, c.pii ? `Personal data (${c.pii}): depends on the batch's personalData mode.` : undefined]
  const description = notes.filter(Boolean).join(' ')
  if (description) base.description = description
  return base
}

export function jsonSchemaOf(spec: ExportTableSpec): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${FORMAT}/v${SCHEMA_VERSION}/${spec.name}.json`,
    title: spec.name,
    description: spec.description,
    'x-natural-key': spec.naturalKey,
    'x-updated-at': spec.updatedAt,
    'x-apply': applyModeOf(spec),
    ...(spec.tracking.kind === 'children' ? { 'x-parent': { table: spec.tracking.parent, column: spec.tracking.parentColumn } } : {}),
    type: 'object',
    additionalProperties: false,
    required: spec.columns.map((c) => c.name),
    properties: Object.fromEntries(spec.columns.map((c) => [c.name, columnSchema(c)])),
  }
}

function valueProblem(c: ExportColumn, value: unknown): string | null {
  if (value === null) return c.nullable ? null : 'is null'
  switch (c.type) {
    case 'integer':
      if (!Number.isInteger(value)) return 'is not an integer'
      break
    case 'boolean':
      if (typeof value !== 'boolean') return 'is not a boolean'
      break
    case 'datetime':
      if (typeof value !== 'string' || !DATE_TIME.test(value)) return 'is not a date-time'
      break
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value)) return 'is not a date'
      break
    case 'text':
      if (typeof value !== 'string') return 'is not a string'
  }
  if (c.enum && !c.enum.includes(value as string)) return `is not one of ${c.enum.join('|')}`
  return null
}

/** What is wrong with one row, or an empty list. */
export function rowProblems(spec: ExportTableSpec, row: unknown): string[] {
  if (!row || typeof row !== 'object' || Array.isArray(row)) return ['is not an object']
  const record = row as Record<string, unknown>
  const problems: string[] = []
  const known = new Set(spec.columns.map((c) => c.name))
  for (const c of spec.columns) {
    if (!(c.name in record)) {
      problems.push(`${c.name} is missing`)
      continue
    }
    const p = valueProblem(c, record[c.name])
    if (p) problems.push(`${c.name} ${p}`)
  }
  for (const key of Object.keys(record)) if (!known.has(key)) problems.push(`${key} is not a column`)
  return problems
}
