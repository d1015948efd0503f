import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, posix, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// The rooms of src/main (its top-level folders) import each other one way only: a room that
// imports another is never imported back, directly or round a longer loop. The imports are read
// with the TypeScript compiler's own pre-processor, so `import type`, `export … from`, dynamic
// `import()` and `require()` all count.
//
// Not part of the house: files at the top of src/main (app.ts puts the rooms together), the API
// registry (api/handlers.ts, the one place that gathers every room's handlers), tests and the
// test kits and fixtures they alone use.

const MAIN = fileURLToPath(new URL('.', import.meta.url))

const COMPOSITION = new Set(['api/handlers.ts'])
const testOnly = (file: string) =>
  /\.test\.ts$/.test(file) || /(^|\/)test-[^/]*\.ts$/.test(file) || /^test-support\//.test(file) || /(^|\/)fixtures\//.test(file)

/**
 * Imports that still go the wrong way, each with why it is not moved yet. Every one must still be
 * there (the list only shrinks); anything else that closes a loop fails.
 */
const KNOWN: { from: string; to: string; why: string }[] = []

interface Import {
  from: string
  to: string
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

function resolveModule(files: Set<string>, fromFile: string, specifier: string): string | null {
  const base = resolve(dirname(fromFile), specifier)
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => files.has(candidate)) ?? null
}

/** Every relative import between two files of src/main, as paths relative to src/main. */
function mainImports(): Import[] {
  const out: Import[] = []
  const files = new Set(sourceFiles(MAIN))
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue
      const target = resolveModule(files, file, fileName)
      if (!target || !target.startsWith(MAIN)) continue
      out.push({ from: relative(MAIN, file).split('\\').join(posix.sep), to: relative(MAIN, target).split('\\').join(posix.sep) })
    }
  }
  return out
}

const roomOf = (file: string): string | null => (file.includes('/') ? file.slice(0, file.indexOf('/')) : null)

/** Room → room edges, each with the imports that make it. */
function roomGraph(imports: Import[]): Map<string, Map<string, Import[]>> {
  const graph = new Map<string, Map<string, Import[]>>()
  for (const imp of imports) {
    const a = roomOf(imp.from)
    const b = roomOf(imp.to)
    if (!a || !b || a === b) continue
    const edges = graph.get(a) ?? new Map<string, Import[]>()
    graph.set(a, edges)
    edges.set(b, [...(edges.get(b) ?? []), imp])
  }
  return graph
}

/** A loop of rooms (first = last), or null when the rooms form no loop. */
function findCycle(graph: Map<string, Map<string, unknown>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (room: string): string[] | null => {
    state.set(room, 'open')
    path.push(room)
    for (const next of [...(graph.get(room)?.keys() ?? [])].sort()) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next]
      if (!state.has(next)) {
        const found = visit(next)
        if (found) return found
      }
    }
    path.pop()
    state.set(room, 'done')
    return null
  }
  for (const room of [...graph.keys()].sort()) {
    if (state.has(room)) continue
    const found = visit(room)
    if (found) return found
  }
  return null
}

const isKnown = (imp: Import) => KNOWN.some((k) => k.from === imp.from && k.to === imp.to)

function houseImports(): Import[] {
  return mainImports().filter((imp) => !COMPOSITION.has(imp.from) && !testOnly(imp.from))
}

function describeCycle(graph: Map<string, Map<string, Import[]>>, cycle: string[]): string {
  return cycle
    .slice(1)
    .map((room, i) => {
      const from = cycle[i]!
      const example = graph.get(from)?.get(room)?.[0]
      return `${from} → ${room} (${example ? `${example.from} imports ${example.to}` : '?'})`
    })
    .join('\n')
}

describe('rooms of src/main', () => {
  it('import each other one way only', () => {
    const graph = roomGraph(houseImports().filter((imp) => !isKnown(imp)))
    const cycle = findCycle(graph)
    expect(cycle && describeCycle(graph, cycle), 'rooms that import each other round a loop').toBeNull()
  })

  it('still have every import the list of known wrong-way imports names (fixed ones leave the list)', () => {
    const present = houseImports()
    const gone = KNOWN.filter((k) => !present.some((imp) => imp.from === k.from && imp.to === k.to))
    expect(gone).toEqual([])
  })

  it('see a loop through any kind of import, longer loops too', () => {
    const graph = roomGraph([
      { from: 'jobs/runner.ts', to: 'backup/take.ts' },
      { from: 'backup/take.ts', to: 'files/durable.ts' },
      { from: 'files/durable.ts', to: 'store/open.ts' },
    ])
    expect(findCycle(graph)).toBeNull()
    graph.set('store', new Map([['jobs', []]]))
    expect(findCycle(graph)).toEqual(['backup', 'files', 'store', 'jobs', 'backup'])
  })

  it('read type-only, re-exported, dynamic and required imports alike', () => {
    const { importedFiles } = ts.preProcessFile(
      "import type { A } from './a'\nexport { b } from './b'\nconst c = await import('./c')\nconst d = require('./d')\n",
      true,
      true,
    )
    expect(importedFiles.map((f) => f.fileName)).toEqual(['./a', './b', './c', './d'])
  })
})
