import { createReadStream } from 'node:fs'
import { Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { ExportTableSpec } from '../../shared/export/spec'
import { q } from '../schema/ddl'
import { rowChecker } from './row-check'

// One batch file into its staging table, streamed: gunzip → JSON Lines → COPY text format. Only
// one chunk of the file is in memory at a time, whatever its size. Every row is checked against
// its table's declaration on the way (a damaged or tampered row refuses the whole batch).

export class BadRow extends Error {}

/** COPY text format: backslash escapes for the four characters that would break a line or field. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N'
  if (typeof value === 'boolean') return value ? 't' : 'f'
  if (typeof value === 'number') return String(value)
  return String(value).replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'))
}

const checkers = new WeakMap<ExportTableSpec, (row: unknown) => string | null>()
function checkerOf(spec: ExportTableSpec) {
  let c = checkers.get(spec)
  if (!c) checkers.set(spec, (c = rowChecker(spec)))
  return c
}

class JsonLinesToCopy extends Transform {
  rows = 0
  private rest = ''
  private readonly check: (row: unknown) => string | null
  private readonly lead: string
  constructor(
    private readonly spec: ExportTableSpec,
    private readonly file: string,
    dealer: string | null,
  ) {
    super({ readableHighWaterMark: 1 << 16, writableHighWaterMark: 1 << 16 })
    this.check = checkerOf(spec)
    this.lead = dealer === null ? '' : `${field(dealer)}\t`
  }

  private line(text: string): string {
    this.rows++
    let row: unknown
    try {
      row = JSON.parse(text)
    } catch {
      throw new BadRow(`${this.file}: row ${this.rows} is not JSON`)
    }
    const problem = this.check(row)
    if (problem) throw new BadRow(`${this.file}: row ${this.rows} ${problem}`)
    const record = row as Record<string, unknown>
    let out = ''
    for (const c of this.spec.columns) out += (out ? '\t' : '') + field(record[c.name])
    return this.lead + out + '\n'
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      const lines = (this.rest + chunk.toString('utf8')).split('\n')
      this.rest = lines.pop() ?? ''
      let out = ''
      for (const l of lines) if (l) out += this.line(l)
      done(null, out)
    } catch (error) {
      done(error as Error)
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      done(null, this.rest ? this.line(this.rest) : '')
    } catch (error) {
      done(error as Error)
    }
  }
}

/**
 * Rows copied into `into` (a staging table, or with `dealer` a warehouse table, the dealer code
 * leading every row); throws on a damaged file (the caller rolls the batch back). `spec` is the
 * table as the batch's schema version declares it: columns it lacks are left NULL.
 */
export async function copyFileInto(
  client: pg.ClientBase,
  spec: ExportTableSpec,
  path: string,
  into: string,
  file: string,
  dealer: string | null = null,
): Promise<number> {
  const columns = [...(dealer === null ? [] : ['dealer_code']), ...spec.columns.map((c) => c.name)].map(q).join(', ')
  const target = client.query(copyFrom(`COPY ${into} (${columns}) FROM STDIN`))
  const convert = new JsonLinesToCopy(spec, file, dealer)
  // A multi-byte character can straddle two chunks: utf8Chunks cuts them on character boundaries.
  const gunzip = createGunzip()
  await pipeline(createReadStream(path), gunzip, utf8Chunks(), convert, target)
  return convert.rows
}

/** Re-chunks bytes on UTF-8 character boundaries. */
function utf8Chunks(): Transform {
  let carry: Buffer = Buffer.alloc(0)
  return new Transform({
    transform(chunk: Buffer, _e, done) {
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk
      // Back up over continuation bytes (10xxxxxx) and the lead byte of an incomplete character.
      let end = buf.length
      let i = end - 1
      while (i >= 0 && i >= end - 4 && (buf[i]! & 0xc0) === 0x80) i--
      if (i >= 0 && buf[i]! >= 0xc0) {
        const need = buf[i]! >= 0xf0 ? 4 : buf[i]! >= 0xe0 ? 3 : 2
        if (end - i < need) end = i
      }
      carry = buf.subarray(end)
      done(null, buf.subarray(0, end))
    },
    flush(done) {
      done(null, carry.length ? carry : null)
    },
  })
}
