import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keyFileBox } from '../secrets/key-file-box'
import type { SecretBox } from '../secrets/secret-box'
import { forgetTerminalConfig, loadTerminalConfig, saveTerminalConfig, terminalConfigPath, type TerminalConfig } from './config-file'
import { chooseStartup } from './terminal-mode'

// The workstation configuration at rest: readable host and names, the device token sealed through
// the injected box, and every damaged, edited or foreign file a clear problem — never a throw.

const TOKEN = 'Zm9vYmFyLXRva2VuLXNlY3JldC0xMjM0NTY3OA'
const config: TerminalConfig = {
  hostUrl: 'http://192.168.1.10:4780/',
  dealerName: '广州测试4S店',
  dealerCode: 'GZ-01',
  deviceId: 3,
  deviceName: '前台2号机',
  deviceToken: TOKEN,
  savedAt: '2026-12-07T09:30:00+08:00',
}

/** Stands in for Electron's safeStorage: another kind of box, with its own (reversible) sealing. */
const osBox: SecretBox = {
  kind: 'safestorage',
  seal: (plain) => Buffer.from(`os:${plain}`).toString('base64'),
  open: (sealed) => {
    const text = Buffer.from(sealed, 'base64').toString('utf8')
    return text.startsWith('os:') ? text.slice(3) : null
  },
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'terminal-config-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const rewrite = (edit: (body: Record<string, unknown>) => void) => {
  const body = JSON.parse(readFileSync(terminalConfigPath(dir), 'utf8')) as Record<string, unknown>
  edit(body)
  writeFileSync(terminalConfigPath(dir), JSON.stringify(body))
}

describe('the saved workstation configuration', () => {
  it('saves the host and names readably and the token only sealed, and loads it back', () => {
    saveTerminalConfig(dir, keyFileBox(dir), config)
    const text = readFileSync(terminalConfigPath(dir), 'utf8')
    expect(text).not.toContain(TOKEN)
    expect(text).toContain('sealed:v1:keyfile:')
    expect(text).toContain('http://192.168.1.10:4780/')
    expect(loadTerminalConfig(dir, keyFileBox(dir))).toEqual({ status: 'ok', config })
  })

  it('seals through whichever box is injected (the shell passes safeStorage)', () => {
    saveTerminalConfig(dir, osBox, config)
    expect(readFileSync(terminalConfigPath(dir), 'utf8')).toContain('sealed:v1:safestorage:')
    expect(loadTerminalConfig(dir, osBox)).toMatchObject({ status: 'ok', config: { deviceToken: TOKEN } })
    expect(loadTerminalConfig(dir, keyFileBox(dir))).toMatchObject({ status: 'problem', problem: 'sealedElsewhere' })
  })

  it('says there is none when no file was saved', () => {
    expect(loadTerminalConfig(dir, keyFileBox(dir))).toEqual({ status: 'none' })
  })

  it('calls a file that is not JSON, or not a configuration, unreadable', () => {
    writeFileSync(terminalConfigPath(dir), '{"version":1, "hostUrl": "http://x')
    expect(loadTerminalConfig(dir, keyFileBox(dir))).toMatchObject({ status: 'problem', problem: 'unreadable' })
    writeFileSync(terminalConfigPath(dir), JSON.stringify({ version: 2, hostUrl: 1 }))
    expect(loadTerminalConfig(dir, keyFileBox(dir))).toMatchObject({ status: 'problem', problem: 'unreadable' })
    writeFileSync(terminalConfigPath(dir), Buffer.from([0xff, 0xfe, 0x00, 0x01]))
    expect(loadTerminalConfig(dir, keyFileBox(dir))).toMatchObject({ status: 'problem', problem: 'unreadable' })
  })

  it('refuses a host address edited by hand, which would send the token elsewhere', () => {
    saveTerminalConfig(dir, keyFileBox(dir), config)
    rewrite((body) => (body.hostUrl = 'http://203.0.113.9:4780/'))
    expect(loadTerminalConfig(dir, keyFileBox(dir))).toMatchObject({ status: 'problem', problem: 'tampered' })
  })

  it('refuses a sealed part that was changed, and a token written in plain text', () => {
    saveTerminalConfig(dir, keyFileBox(dir), config)
    rewrite((body) => {
      const sealed = String(body.sealed)
      body.sealed = sealed.slice(0, -6) + (sealed.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA')
    })
    expect(loadTerminalConfig(dir, keyFileBox(dir))).toMatchObject({ status: 'problem', problem: 'tampered' })
    rewrite((body) => (body.sealed = TOKEN))
    expect(loadTerminalConfig(dir, keyFileBox(dir))).toMatchObject({ status: 'problem', problem: 'tampered' })
  })

  it('cannot open a configuration sealed with another data folder’s key', () => {
    const other = mkdtempSync(join(tmpdir(), 'terminal-config-'))
    try {
      saveTerminalConfig(dir, keyFileBox(other), config)
      expect(loadTerminalConfig(dir, keyFileBox(dir))).toMatchObject({ status: 'problem', problem: 'tampered' })
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  })

  it('reports a box that fails to open as a problem, not a crash', () => {
    saveTerminalConfig(dir, keyFileBox(dir), config)
    const broken = () => {
      throw new Error('secrets.key does not hold a 32-byte key')
    }
    expect(loadTerminalConfig(dir, broken)).toMatchObject({ status: 'problem', problem: 'unreadable', reason: /32-byte/ })
  })

  it('forgets the file, once', () => {
    saveTerminalConfig(dir, keyFileBox(dir), config)
    expect(forgetTerminalConfig(dir)).toBe(true)
    expect(forgetTerminalConfig(dir)).toBe(false)
    expect(loadTerminalConfig(dir, keyFileBox(dir))).toEqual({ status: 'none' })
  })
})

describe('choosing how the shell starts', () => {
  const box = () => keyFileBox(dir)

  it('lets flags and the environment override the saved configuration', () => {
    saveTerminalConfig(dir, keyFileBox(dir), config)
    expect(chooseStartup({ mode: 'terminal', hostUrl: 'http://10.0.0.2:4780/', deviceToken: 'flag-token' }, dir, box)).toEqual({
      mode: 'terminal',
      hostUrl: 'http://10.0.0.2:4780/',
      deviceToken: 'flag-token',
      source: 'flags',
    })
  })

  it('becomes the saved host’s terminal, or stays on set-up with the reason when the file is bad', () => {
    expect(chooseStartup({ mode: 'host' }, dir, box)).toEqual({ mode: 'host', problem: null })
    saveTerminalConfig(dir, keyFileBox(dir), config)
    expect(chooseStartup({ mode: 'host' }, dir, box)).toMatchObject({ mode: 'terminal', source: 'saved', hostUrl: config.hostUrl, deviceToken: TOKEN })
    writeFileSync(terminalConfigPath(dir), 'not json')
    expect(chooseStartup({ mode: 'host' }, dir, box)).toMatchObject({ mode: 'host', problem: { problem: 'unreadable' } })
  })
})
