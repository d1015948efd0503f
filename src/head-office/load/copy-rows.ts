import { createReadStream, readFileSync } from 'node:fs'
import { Transform, type TransformCallback, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, gunzipSync } from 'node:zlib'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { ExportTableSpec } from '../../shared/export/spec'
import { q } from '../schema/ddl'
import { copyText, explainRow, rowEncoder } from './row-check'

// One batch file into a table with COPY (text format). Every row is checked against its table's
// declaration on the way (a damaged or tampered row refuses the whole batch). A file of up to
// IN_MEMORY_BYTES (all of a night's and, at the bench's size, a first batch's) is read and
// unzipped at once and sent in a few large writes: no stream machinery per file, which is what a
// small night's batch cost most. A larger file is streamed, one chunk in memory at a time.

export class BadRow extends Error {}

/** Compressed size up to which a file is unzipped in memory (≈ 1 MB of JSON: every file of a night). */
export const IN_MEMORY_BYTES = 1 << 17
/** COPY data is sent in writes of about this many characters. */
const CHUNK = 1 << 16
/** The unzipped file is decoded to text in pieces of about this many bytes. */
const PIECE = 1 << 16

const encoders = new WeakMap<ExportTableSpec, (row: unknown) => string | null>()
function encoderOf(spec: ExportTableSpec) {
  let e = encoders.get(spec)
  if (!e) encoders.set(spec, (e = rowEncoder(spec)))
  return e
}

/** JSON Lines to COPY lines, counting rows; throws BadRow on a line that is not a declared row. */
class Rows {
  rows = 0
  private readonly encode: (row: unknown) => string | null
  private readonly lead: string
  constructor(
    private readonly spec: ExportTableSpec,
    private readonly file: string,
    dealer: string | null,
  ) {
    this.encode = encoderOf(spec)
    this.lead = dealer === null ? '' : `${copyText(dealer)}\t`
  }

  line(text: string): string {
    this.rows++
    let row: unknown
    try {
      row = JSON.parse(text)
    } catch {
      throw new BadRow(`${this.file}: row ${this.rows} is not JSON`)
    }
    const out = this.encode(row)
    if (out === null) throw new BadRow(`${this.file}: row ${this.rows} ${explainRow(this.spec, row)}`)
    return this.lead + out + '\n'
  }

  /** The COPY text of `text`'s lines from `start`, up to about CHUNK characters; `end` is where it stopped. */
  chunk(text: string, start: number): { data: string; end: number } {
    let data = ''
    let at = start
    while (at < text.length && data.length < CHUNK) {
      let nl = text.indexOf('\n', at)
      if (nl < 0) nl = text.length
      if (nl > at) data += this.line(text.slice(at, nl))
      at = nl + 1
    }
    return { data, end: at }
  }
}

/** Streamed files: re-split the text on newlines. */
class JsonLinesToCopy extends Transform {
  private rest = ''
  constructor(readonly lines: Rows) {
    super({ readableHighWaterMark: 1 << 16, writableHighWaterMark: 1 << 16 })
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      const lines = (this.rest + chunk.toString('utf8')).split('\n')
      this.rest = lines.pop() ?? ''
      let out = ''
      for (const l of lines) if (l) out += this.lines.line(l)
      done(null, out)
    } catch (error) {
      done(error as Error)
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      done(null, this.rest ? this.lines.line(this.rest) : '')
    } catch (error) {
      done(error as Error)
    }
  }
}

/** Where the piece of `data` from `start` ends: after the last newline within PIECE bytes (or the first after them). */
function pieceEnd(data: Buffer, start: number): number {
  if (data.length - start <= PIECE) return data.length
  const last = data.lastIndexOf(10, start + PIECE - 1)
  if (last >= start) return last + 1
  const next = data.indexOf(10, start + PIECE)
  return next < 0 ? data.length : next + 1
}

/**
 * Writes the rows of the unzipped file to the COPY, decoding it a piece at a time (whole lines,
 * so no character is cut); on a bad row the COPY is failed (the server rolls it back) and the
 * BadRow thrown.
 */
async function sendAll(target: Writable, rows: Rows, data: Buffer): Promise<void> {
  const finished = new Promise<void>((resolve, reject) => {
    target.once('finish', resolve)
    target.once('error', reject)
  })
  // Observed here; awaited (and so reported) below.
  finished.catch(() => undefined)
  try {
    for (let from = 0; from < data.length; ) {
      const to = pieceEnd(data, from)
      const text = data.toString('utf8', from, to)
      from = to
      for (let at = 0; at < text.length; ) {
        const next = rows.chunk(text, at)
        at = next.end
        if (next.data && !target.write(next.data)) await Promise.race([new Promise((r) => target.once('drain', r)), finished])
      }
    }
  } catch (error) {
    target.destroy(error as Error)
    await finished.catch(() => undefined)
    throw error
  }
  target.end()
  await finished
}

/**
 * Rows copied into `into` (a staging table, or with `dealer` a warehouse table, the dealer code
 * leading every row); throws on a damaged file (the caller rolls the batch back). `spec` is the
 * table as the batch's schema version declares it: columns it lacks are left NULL. `bytes` is
 * the file's size (checked against the manifest before).
 */
export async function copyFileInto(
  client: pg.ClientBase,
  spec: ExportTableSpec,
  path: string,
  into: string,
  file: string,
  dealer: string | null = null,
  bytes = Infinity,
): Promise<number> {
  const columns = [...(dealer === null ? [] : ['dealer_code']), ...spec.columns.map((c) => c.name)].map(q).join(', ')
  const sql = `COPY ${into} (${columns}) FROM STDIN`
  const rows = new Rows(spec, file, dealer)
  if (bytes <= IN_MEMORY_BYTES) {
    // Unzipped before the COPY starts (a damaged file fails here), checked and encoded while it runs.
    const data = gunzipSync(readFileSync(path))
    await sendAll(client.query(copyFrom(sql)), rows, data)
    return rows.rows
  }
  // A multi-byte character can straddle two chunks: utf8Chunks cuts them on character boundaries.
  await pipeline(createReadStream(path), createGunzip(), utf8Chunks(), new JsonLinesToCopy(rows), client.query(copyFrom(sql)))
  return rows.rows
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
