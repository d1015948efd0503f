import { mkdtempSync, rmSync, statSync, chmodSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { KEY_FILE, keyFileBox } from './key-file-box'
import { openSealed, sealedWith } from './secret-box'

// The export target's token at rest: sealed in the settings table with a key file only this OS
// user can read, migrated from plain text, and never sent to the renderer in full.

const target = { id: 'ho', kind: 'https' as const, label: '总部', url: 'https://ho.example.cn/batches', allowHttp: false }
const TOKEN = 'head-office-token-7f3a9c'

let t: TestApp
beforeEach(async () => {
  t = await makeTestApp({ roles: ['service_manager'] })
})
afterEach(() => t.close())

const storedTargets = () =>
  (t.app.store.prepare(`SELECT value FROM settings WHERE key = 'export.targets'`).get() as { value: string } | undefined)?.value ?? ''

describe('secrets at rest', () => {
  it('stores the export token sealed, uses it opened, and shows the screen only a masked hint', async () => {
    const saved = await t.ok('administrator', 'data.export.settings', { targets: [{ ...target, token: TOKEN }] })
    expect(storedTargets()).not.toContain(TOKEN)
    expect(storedTargets()).toContain('sealed:v1:keyfile:')
    expect(saved.targets[0]).toMatchObject({ hasToken: true, tokenHint: `••••${TOKEN.slice(-4)}` })
    const status = await t.ok('service_manager', 'data.export.status', {})
    expect(JSON.stringify(status)).not.toContain(TOKEN)
    expect(JSON.stringify(saved)).not.toContain(TOKEN)
    const { readExportSettings } = await import('../export/settings')
    expect(readExportSettings(t.app.store).targets[0]).toMatchObject({ token: TOKEN })
  })

  it('keeps the key file readable by this user only, tightening it if widened', () => {
    const file = join(t.dataDir, KEY_FILE)
    if (process.platform === 'win32') return
    expect(statSync(file).mode & 0o777).toBe(0o600)
    chmodSync(file, 0o644)
    keyFileBox(t.dataDir)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('seals a token an earlier version stored in plain text when the app starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealer-secrets-'))
    try {
      const first = await createApp({ dataDir: dir })
      first.store
        .prepare(`INSERT INTO settings (key, value) VALUES ('export.targets', ?)`)
        .run(JSON.stringify([{ ...target, token: TOKEN }]))
      first.close()
      const again = await createApp({ dataDir: dir })
      const raw = (again.store.prepare(`SELECT value FROM settings WHERE key = 'export.targets'`).get() as { value: string }).value
      expect(raw).not.toContain(TOKEN)
      const { readExportSettings } = await import('../export/settings')
      expect(readExportSettings(again.store).targets[0]).toMatchObject({ token: TOKEN })
      again.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('cannot open a value sealed with another data directory\'s key', () => {
    const other = mkdtempSync(join(tmpdir(), 'dealer-secrets-'))
    try {
      const sealed = sealedWith(keyFileBox(other), TOKEN)
      expect(openSealed(keyFileBox(t.dataDir), sealed)).toBeNull()
      expect(openSealed(keyFileBox(other), sealed)).toBe(TOKEN)
      expect(readFileSync(join(other, KEY_FILE), 'utf8')).not.toContain(TOKEN)
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  })
})
