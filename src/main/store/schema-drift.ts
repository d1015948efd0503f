import ts from 'typescript'
import type { Store } from './open'

// Compares the hand-kept `DB` interface (schema.ts) with the migrated database, column by
// column: the same tables, the same columns, nullability, `Generated` exactly where the database
// fills a value in, and the TypeScript type matching the column's declared type.

export interface DeclaredColumn {
  name: string
  nullable: boolean
  generated: boolean
  /** 'number' | 'string' | 'Buffer' | other text of the base type. */
  base: string
}

export interface ActualColumn {
  name: string
  type: string
  notnull: boolean
  hasDefault: boolean
  rowid: boolean
  hidden: boolean
}

export interface ActualTable {
  view: boolean
  columns: ActualColumn[]
}

/**
 * Tables outside `DB`: the migrations' own bookkeeping, and the full-text index `part_search`
 * (a virtual table searched with `MATCH`, which only raw SQL can say; its shadow tables are
 * SQLite's own and never listed).
 */
const NOT_IN_DB = new Set(['schema_migrations', 'part_search'])

export function declaredTables(schemaFile: string): Map<string, DeclaredColumn[]> {
  const program = ts.createProgram([schemaFile], { strict: true, noEmit: true, skipLibCheck: true })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(schemaFile)
  if (!source) throw new Error(`cannot read ${schemaFile}`)
  const dbDecl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'DB')
  if (!dbDecl) throw new Error('schema.ts declares no DB interface')
  const tables = new Map<string, DeclaredColumn[]>()
  for (const table of checker.getTypeAtLocation(dbDecl).getProperties()) {
    const tableType = checker.getTypeOfSymbolAtLocation(table, dbDecl)
    const columns: DeclaredColumn[] = []
    for (const column of tableType.getProperties()) {
      const decl = column.valueDeclaration ?? column.declarations?.[0]
      if (!decl || !ts.isPropertySignature(decl) || !decl.type) throw new Error(`${table.name}.${column.name} has no declared type`)
      columns.push(describe(decl.type, column.name))
    }
    tables.set(table.name, columns)
  }
  return tables
}

function describe(node: ts.TypeNode, name: string): DeclaredColumn {
  let generated = false
  let type = node
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Generated') {
    generated = true
    const inner = type.typeArguments?.[0]
    if (!inner) throw new Error(`${name}: Generated without a type`)
    type = inner
  }
  const parts = ts.isUnionTypeNode(type) ? [...type.types] : [type]
  const nullable = parts.some((p) => ts.isLiteralTypeNode(p) && p.literal.kind === ts.SyntaxKind.NullKeyword)
  const bases = new Set(parts.filter((p) => !(ts.isLiteralTypeNode(p) && p.literal.kind === ts.SyntaxKind.NullKeyword)).map(baseOf))
  return { name, nullable, generated, base: [...bases].sort().join('|') }
}

function baseOf(node: ts.TypeNode): string {
  if (node.kind === ts.SyntaxKind.NumberKeyword) return 'number'
  if (node.kind === ts.SyntaxKind.StringKeyword) return 'string'
  if (ts.isLiteralTypeNode(node)) {
    if (ts.isStringLiteral(node.literal)) return 'string'
    if (ts.isNumericLiteral(node.literal)) return 'number'
  }
  return node.getText()
}

export function actualTables(store: Store): Map<string, ActualTable> {
  const names = (store.sqlite.pragma('table_list') as { schema: string; name: string; type: string }[]).filter(
    (t) => t.schema === 'main' && (t.type === 'table' || t.type === 'view') && !t.name.startsWith('sqlite_'),
  )
  const tables = new Map<string, ActualTable>()
  for (const { name, type } of names) {
    if (NOT_IN_DB.has(name)) continue
    const info = store.sqlite.pragma(`table_xinfo(${name})`) as {
      name: string
      type: string
      notnull: number
      dflt_value: string | null
      pk: number
      hidden: number
    }[]
    const pkCount = info.filter((c) => c.pk > 0).length
    tables.set(name, {
      view: type === 'view',
      columns: info.map((c) => ({
        name: c.name,
        type: c.type.toUpperCase(),
        notnull: c.notnull === 1,
        hasDefault: c.dflt_value !== null,
        rowid: pkCount === 1 && c.pk === 1 && c.type.toUpperCase() === 'INTEGER',
        hidden: c.hidden !== 0,
      })),
    })
  }
  return tables
}

const TS_FOR_SQL: Record<string, string> = { INTEGER: 'number', INT: 'number', REAL: 'number', TEXT: 'string', BLOB: 'Buffer' }

/** Every difference between the two, one line each; empty when they agree. */
export function schemaDrift(declared: Map<string, DeclaredColumn[]>, actual: Map<string, ActualTable>): string[] {
  const problems: string[] = []
  for (const table of actual.keys()) if (!declared.has(table)) problems.push(`${table}: in the database, missing from DB`)
  for (const table of declared.keys()) if (!actual.has(table)) problems.push(`${table}: in DB, not in the database`)
  for (const [table, { view, columns }] of actual) {
    const mine = declared.get(table)
    if (!mine) continue
    const byName = new Map(mine.map((c) => [c.name, c]))
    for (const column of columns) {
      const d = byName.get(column.name)
      const where = `${table}.${column.name}`
      if (!d) {
        problems.push(`${where}: in the database, missing from DB`)
        continue
      }
      byName.delete(column.name)
      // A view's columns report no constraints: only names and types are compared there.
      const isView = view
      const mayBeNull = !column.notnull && !column.rowid
      if (!isView && d.nullable !== mayBeNull) problems.push(`${where}: ${mayBeNull ? 'nullable' : 'NOT NULL'} in the database, ${d.nullable ? 'nullable' : 'not nullable'} in DB`)
      // An INTEGER PRIMARY KEY is filled in when omitted, but a key that is also a reference
      // (`ro_id INTEGER PRIMARY KEY REFERENCES …`) is always given: either way is true there.
      const filled = column.hasDefault || column.hidden
      if (!isView && !column.rowid && d.generated !== filled) problems.push(`${where}: ${filled ? 'has a default' : 'has no default'} in the database, ${d.generated ? 'Generated' : 'not Generated'} in DB`)
      const expected = TS_FOR_SQL[column.type]
      if (expected && d.base !== expected) problems.push(`${where}: ${column.type} in the database, ${d.base} in DB`)
    }
    for (const extra of byName.keys()) problems.push(`${table}.${extra}: in DB, not in the database`)
  }
  return problems
}
