import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MANIFEST, Manifest } from './manifest'

/** Reads and validates manifest.json, saying what is wrong when it is not valid. */
export function readManifestStrict(dir: string): Manifest {
  const text = readFileSync(join(dir, MANIFEST), 'utf8')
  const parsed = Manifest.safeParse(JSON.parse(text))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`invalid: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'unknown problem'}`)
  }
  return parsed.data
}
