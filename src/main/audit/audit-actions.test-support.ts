import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { contract } from '../../shared/contract'
import { RO_ACTIONS } from '../../shared/domain/ro-state'
import { MOVE_KINDS } from '../../shared/contract/parts-shapes'
import { CLAIM_ACTIONS } from '../../shared/domain/warranty'
import { REGISTER_ACTIONS } from '../../shared/domain/warranty-register'

const MAIN = resolve(import.meta.dirname, '..')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sources(path)
    return entry.name.endsWith('.ts') && !/\.test(-support)?\.ts$/.test(entry.name) ? [path] : []
  })
}

/** Template-built action codes and every value they can take (kept true by `unexpanded`). */
const EXPANSIONS: Record<string, readonly string[]> = {
  'ro.${action}': RO_ACTIONS.map((a) => `ro.${a}`),
  "workshop.additional.${input.decision === 'approved' ? 'approve' : 'decline'}": ['workshop.additional.approve', 'workshop.additional.decline'],
  'stock.${kind}': MOVE_KINDS.map((k) => `stock.${k}`),
  "po.${state === 'cancelled' ? 'cancel' : 'close'}": ['po.cancel', 'po.close'],
  'warranty.claim.${action}': CLAIM_ACTIONS.map((a) => `warranty.claim.${a}`),
  'warranty.register.${input.action}': REGISTER_ACTIONS.map((a) => `warranty.register.${a}`),
}

/**
 * Every audit action code the main process can write: the literal and template codes of each
 * `audit({ action: … })`, the alert writes (`write(ctx, …, 'alert.x', …)`), and — because the
 * dispatcher audits a write that recorded nothing under its channel name — every write and export channel.
 */
export function collectAuditActions(): { actions: string[]; unexpanded: string[] } {
  const found = new Set<string>()
  const unexpanded: string[] = []
  for (const file of sources(MAIN)) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/audit\(\{\s*action:\s*(?:'([^']+)'|`([^`]+)`)/g)) {
      const code = match[1] ?? match[2]!
      if (match[1] !== undefined) found.add(code)
      else if (EXPANSIONS[code]) for (const c of EXPANSIONS[code]) found.add(c)
      else unexpanded.push(`${file}: ${code}`)
    }
    for (const match of text.matchAll(/write\(ctx, [^;]*?'(alert\.[a-zA-Z]+)'/g)) found.add(match[1]!)
  }
  for (const [channel, spec] of Object.entries(contract)) if (spec.kind !== 'read') found.add(channel)
  return { actions: [...found].sort(), unexpanded }
}

/** The field names of every `detail: { … }` literal the main process audits (one level deep). */
export function collectDetailKeys(): string[] {
  const keys = new Set<string>()
  for (const file of sources(MAIN)) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/detail: \{([^}]*)\}/g)) {
      for (const key of match[1]!.matchAll(/(?:^|[{,])\s*([a-zA-Z]+)\s*(?=[:,]|$)/g)) keys.add(key[1]!)
    }
  }
  return [...keys].sort()
}

/** Every entity name an audit entry is written with. */
export function collectAuditEntities(): string[] {
  const entities = new Set<string>()
  for (const file of sources(MAIN)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/entity: '([a-z_]+)'/g)) entities.add(match[1]!)
  }
  return [...entities].sort()
}
