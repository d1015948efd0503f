import { createHmac } from 'node:crypto'
import type { PersonalDataMode } from '../../shared/contract/data'
import type { PiiKind } from './spec'

// How a personal column leaves the dealership under each `export.personalData` mode.

export type PiiTransform = (value: string | null) => string | null

/** `张三丰` → `张**`, `Acme Ltd` → `A*******`: enough to recognise, not to identify. */
export function maskName(value: string): string {
  const chars = [...value]
  return chars.length === 0 ? '' : (chars[0] ?? '') + '*'.repeat(Math.max(chars.length - 1, 1))
}

/** Same input and key → same token, so head office can count repeat customers. */
export function keyedToken(key: string, kind: PiiKind, value: string): string {
  return 'p_' + createHmac('sha256', key).update(`${kind}:${value}`).digest('hex').slice(0, 24)
}

export function piiTransform(mode: PersonalDataMode, kind: PiiKind, key: string): PiiTransform {
  if (mode === 'full') return (v) => v
  if (mode === 'none') return () => null
  switch (kind) {
    case 'name':
      return (v) => (v === null ? null : maskName(v))
    case 'phone':
    case 'plate':
      return (v) => (v === null || v === '' ? v : keyedToken(key, kind, v))
    case 'address':
    case 'note':
      return () => null
  }
}
