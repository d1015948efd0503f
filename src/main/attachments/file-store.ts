import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { writeFileDurable } from '../files/durable-files'

// The attachments' content in the data folder: `attachments/<first two hex>/<sha256>`, written
// under a temporary name, flushed and renamed into place (a reader sees all of a file or none).
// A file's name is its content's hash, so a file once written never changes and the same photo
// added twice is one file.

export const ATTACHMENTS_DIR = 'attachments'

export const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('hex')

export function contentPath(dataDir: string, sha256: string): string {
  return join(dataDir, ATTACHMENTS_DIR, sha256.slice(0, 2), sha256)
}

export function hasContent(dataDir: string, sha256: string): boolean {
  return existsSync(contentPath(dataDir, sha256))
}

/** Writes the content unless a file with its hash is there already. */
export function putContent(dataDir: string, sha256: string, content: Buffer): void {
  const file = contentPath(dataDir, sha256)
  if (existsSync(file)) return
  mkdirSync(dirname(file), { recursive: true })
  writeFileDurable(file, content)
}

/** The content, or null when the file is missing or no longer matches its hash. */
export function readContent(dataDir: string, sha256: string): Buffer | null {
  const file = contentPath(dataDir, sha256)
  if (!existsSync(file)) return null
  const content = readFileSync(file)
  return sha256Of(content) === sha256 ? content : null
}

export function deleteContent(dataDir: string, sha256: string): void {
  rmSync(contentPath(dataDir, sha256), { force: true })
}
