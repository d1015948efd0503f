import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'

// Files that survive a power cut: written under a temporary name, flushed to the disk, then
// renamed into place, and the folder flushed so the rename itself is on the disk. A reader sees
// the old file or the whole new one, never half of it.

/** Flushes a folder's entries (a rename in it). Windows cannot open folders this way; NTFS
 *  journals renames itself, so there is nothing to do there. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export function writeFileDurable(file: string, content: string | Buffer): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`)
  const fd = openSync(tmp, 'w')
  try {
    writeFileSync(fd, content)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, file)
  fsyncDir(dirname(file))
}

export interface Digest {
  bytes: number
  sha256: string
}

/** A pass-through stream that counts and hashes what flows through it. */
export function digestStream(): { stream: Transform; result(): Digest } {
  const hash = createHash('sha256')
  let bytes = 0
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk)
      bytes += chunk.length
      done(null, chunk)
    },
  })
  let digest: Digest | null = null
  return {
    stream,
    result() {
      digest ??= { bytes, sha256: hash.digest('hex') }
      return digest
    },
  }
}

export async function digestFile(file: string): Promise<Digest> {
  const d = digestStream()
  d.stream.resume()
  await pipeline(createReadStream(file), d.stream)
  return d.result()
}

/** Copies `from` to `to` durably (temp name, fsync, rename) and returns the copy's digest. */
export async function copyFileDurable(from: string, to: string): Promise<Digest> {
  const tmp = join(dirname(to), `.${basename(to)}.${process.pid}.partial`)
  const d = digestStream()
  await pipeline(createReadStream(from), d.stream, createWriteStream(tmp, { flush: true }))
  renameSync(tmp, to)
  fsyncDir(dirname(to))
  return d.result()
}
