// `npm run size`: the built renderer's size as a browser loads it. "First screen" is the entry
// script with every chunk it imports statically (what must arrive before anything shows); lazy
// screen chunks come when their area opens. Figures are gzip and brotli, as the host serves them.
// Run after `npm run build`. `--max-first-kb <n>` fails when the first screen's gzip exceeds n kB.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'

const dir = join(process.cwd(), 'out/renderer')
const html = readFileSync(join(dir, 'index.html'), 'utf8')
const entry = /<script type="module"[^>]*src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1]
if (!entry) throw new Error('out/renderer/index.html has no entry script: run `npm run build` first')

const sizes = (file: string) => {
  const body = readFileSync(join(dir, file))
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

/** The chunks a module imports statically (`import … from "./x.js"` at the top level of the minified file). */
function staticImports(file: string): string[] {
  const text = readFileSync(join(dir, file), 'utf8')
  const found = new Set<string>()
  for (const m of text.matchAll(/(?:^|[;}])\s*import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g)) found.add(`assets/${m[1]}`)
  return [...found]
}

const first = new Set<string>()
const queue = [entry]
while (queue.length > 0) {
  const file = queue.pop()!
  if (first.has(file)) continue
  first.add(file)
  queue.push(...staticImports(file))
}

const all = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js') || f.endsWith('.css')).map((f) => `assets/${f}`)
const kb = (n: number) => (n / 1024).toFixed(1).padStart(8)
let total = { raw: 0, gzip: 0, brotli: 0 }
let firstTotal = { raw: 0, gzip: 0, brotli: 0 }
console.log(`${'file'.padEnd(44)} ${'raw kB'.padStart(8)} ${'gzip kB'.padStart(8)} ${'br kB'.padStart(8)}  first screen`)
for (const file of all.sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)) {
  const s = sizes(file)
  const isFirst = first.has(file) || (file.endsWith('.css') && html.includes(file))
  total = { raw: total.raw + s.raw, gzip: total.gzip + s.gzip, brotli: total.brotli + s.brotli }
  if (isFirst && file.endsWith('.js')) firstTotal = { raw: firstTotal.raw + s.raw, gzip: firstTotal.gzip + s.gzip, brotli: firstTotal.brotli + s.brotli }
  console.log(`${file.padEnd(44)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}  ${isFirst ? 'yes' : ''}`)
}
console.log(`${'all'.padEnd(44)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`)
console.log(`${'first screen JS'.padEnd(44)} ${kb(firstTotal.raw)} ${kb(firstTotal.gzip)} ${kb(firstTotal.brotli)}`)

const limitAt = process.argv.indexOf('--max-first-kb')
if (limitAt > 0) {
  const limit = Number(process.argv[limitAt + 1])
  if (firstTotal.gzip / 1024 > limit) {
    console.error(`first screen JS is ${(firstTotal.gzip / 1024).toFixed(1)} kB gzip, over ${limit} kB`)
    process.exit(1)
  }
}
