import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// electron-builder's own loader and schema check (transitive packages of electron-builder), so
// a typo in the config fails here rather than on the packaging machine.
const require = createRequire(join(root, 'node_modules/electron-builder/package.json'))

interface BuilderConfig {
  appId: string
  productName: string
  files: string[]
  asarUnpack: string[]
  npmRebuild: boolean
  linux: { target: string[]; icon: string }
  win: { target: string[]; icon: string }
  asar?: boolean
  electronFuses?: Record<string, boolean>
}

function loadConfig(): BuilderConfig {
  const yaml = require('js-yaml') as { load(text: string): unknown }
  return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig
}

describe('packaging configuration', () => {
  it('passes electron-builder’s schema check', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>
    }
    const { DebugLogger } = require('builder-util/out/DebugLogger.js') as { DebugLogger: new (enabled: boolean) => unknown }
    await expect(validateConfiguration(loadConfig(), new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('ships the built app with native modules outside the asar and rebuilt only when packaging', () => {
    const config = loadConfig()
    expect(config).toMatchObject({ appId: 'cn.dealer.aftersales', productName: '售后服务管理', npmRebuild: true })
    expect(config.files).toEqual(['out/**', 'package.json'])
    expect(config.asarUnpack).toContain('**/*.node')
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(Object.keys(manifest.scripts)).not.toContain('postinstall')
  })

  it('builds AppImage and deb for Linux and an NSIS installer for Windows with a 512×512 icon', () => {
    const config = loadConfig()
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.win.target).toEqual(['nsis'])
    const png = readFileSync(join(root, config.linux.icon))
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
  })

  it('flips every security fuse at packaging, with the app loaded from an ASAR', () => {
    const config = loadConfig()
    expect(config.asar ?? true).toBe(true)
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('is packaged by an electron-builder that applies electronFuses itself', () => {
    const builder = JSON.parse(readFileSync(require.resolve('app-builder-lib/package.json'), 'utf8')) as { version: string }
    expect(Number(builder.version.split('.')[0])).toBeGreaterThanOrEqual(25)
    const source = readFileSync(require.resolve('app-builder-lib/out/platformPackager.js'), 'utf8')
    expect(source).toMatch(/electronFuses/)
  })
})
