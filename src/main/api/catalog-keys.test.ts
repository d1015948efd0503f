import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isMessageKey, looksLikeKey, messageKeys, translate } from '../../shared/i18n'
import { ERROR_CODES } from '../../shared/contract/errors'
import { PERMISSIONS, ROLES } from '../../shared/domain/roles'

// No message may ever show a catalog key: every key the code names must exist in both
// languages. The catalogs' types already make en cover zh-CN; this scan covers the keys that
// reach `translate` as plain strings (service errors, zod messages, params, computed prefixes).

const ROOT = resolve(import.meta.dirname, '../../..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path)
    return /\.(ts|tsx)$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : []
  })
}

const FILES = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'e2e'))].filter(
  // The catalogs themselves, and this file (whose examples are deliberately missing keys).
  (f) => !f.includes(join('src', 'shared', 'i18n')) && !f.endsWith('catalog-keys.test.ts'),
)

// Places where a string literal is a catalog key by construction.
const KEY_SITES: RegExp[] = [
  /\bt\(\s*'([^'$]+)'/g,
  /\b(?:zh|en)\(\s*'([^'$]+)'/g,
  /\btranslate\([^,()]+,\s*'([^'$]+)'/g,
  /\bnew AppError\(\s*'[A-Z_]+'\s*,\s*'([^'$]+)'/g,
  /\bfieldError\(\s*'[A-Z_]+'\s*,\s*'[^']*'\s*,\s*'([^'$]+)'/g,
  /\bnotFound\(\s*'([^'$]+)'/g,
  /\bmessage(?:Key)?:\s*'([^'$]+)'/g,
  /\b(?:entity|status|from|to|reason|kind|label):\s*'([a-zA-Z]+\.[\w.]+)'/g,
  /\bpermission:\s*'(permission\.[\w.]+)'/g,
]

interface Use {
  key: string
  where: string
}

function usesIn(file: string): { literal: Use[]; prefixes: Use[] } {
  const text = readFileSync(file, 'utf8')
  const where = relative(ROOT, file)
  const literal: Use[] = []
  for (const site of KEY_SITES) {
    // Unit tests feed unknown `messageKey`s on purpose (a newer host's alert kinds).
    if (file.endsWith('.test.ts') && site.source.includes('message')) continue
    for (const m of text.matchAll(site)) {
      const key = m[1] ?? ''
      // `message: '…'` also carries plain text in a few places; only key-shaped strings count.
      if (site.source.includes('message') || site.source.includes('entity')) {
        if (looksLikeKey(key)) literal.push({ key, where })
      } else literal.push({ key, where })
    }
  }
  // Computed keys: t(`roState.${state}`) needs at least one key under `roState.`.
  const prefixes: Use[] = []
  for (const m of text.matchAll(/\b(?:t|translate\([^,()]+,|zh|en)\(?\s*`([a-zA-Z][\w.]*\.)\$\{/g)) prefixes.push({ key: m[1] ?? '', where })
  return { literal, prefixes }
}

const ALL = FILES.map(usesIn)

describe('catalog keys used in the code', () => {
  it('finds a good number of uses, so the scan itself works', () => {
    expect(ALL.flatMap((u) => u.literal).length).toBeGreaterThan(1000)
    expect(ALL.flatMap((u) => u.prefixes).length).toBeGreaterThan(20)
  })

  it('has every literal key in both languages', () => {
    const missing = ALL.flatMap((u) => u.literal).filter((u) => !isMessageKey(u.key) || translate('en', u.key) === u.key)
    expect(missing.map((u) => `${u.where}: ${u.key}`)).toEqual([])
  })

  it('has keys under every computed prefix', () => {
    const keys = messageKeys()
    const missing = ALL.flatMap((u) => u.prefixes).filter((u) => !keys.some((k) => k.startsWith(u.key)))
    expect(missing.map((u) => `${u.where}: ${u.key}…`)).toEqual([])
  })

  it('names every permission, error code and role in both languages', () => {
    const needed = [...PERMISSIONS.map((p) => `permission.${p}`), ...ERROR_CODES.map((c) => `error.${c}`), ...ROLES.map((r) => `role.${r}`)]
    expect(needed.filter((k) => !isMessageKey(k))).toEqual([])
    for (const key of needed) expect(translate('en', key), key).not.toBe(key)
  })

  it('refuses, at translation time in tests, a key-shaped string with no message', () => {
    expect(() => translate('zh-CN', 'permission.no.such.thing')).toThrow(/catalog key missing/)
    expect(() => translate('zh-CN', 'error.FORBIDDEN', { permission: 'permission.customers.writ' })).toThrow(/catalog key missing/)
    expect(translate('zh-CN', 'error.FORBIDDEN', { permission: 'permission.customers.write' })).not.toMatch(/permission\./)
  })
})
