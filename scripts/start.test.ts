import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { BUILD_OUTPUTS, browserCommand, buildReason, findElectron, hostPort, planStart, readyBanner, resolveBin } from './start-lib.mjs'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function touch(path: string, secondsAgo: number) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, 'x')
  const when = new Date(Date.now() - secondsAgo * 1000)
  utimesSync(path, when, when)
}

/** A project tree with sources written `sourceAge` seconds ago and a full build `buildAge` ago. */
function project(sourceAge: number, buildAge: number | null) {
  const root = mkdtempSync(join(tmpdir(), 'start-'))
  touch(join(root, 'src/main/app.ts'), sourceAge)
  touch(join(root, 'electron.vite.config.ts'), sourceAge)
  if (buildAge !== null) for (const output of BUILD_OUTPUTS) touch(join(root, output), buildAge)
  return root
}

describe('npm start: when to build', () => {
  it('builds when nothing was built yet', () => {
    expect(buildReason(project(100, null))).toBe('out/main/index.js is missing')
  })

  it('builds when the renderer output alone is missing', () => {
    const root = project(100, 10)
    rmSync(join(root, 'out/renderer/index.html'))
    expect(buildReason(root)).toBe('out/renderer/index.html is missing')
  })

  it('builds when a source is newer than the build', () => {
    const root = project(100, 50)
    touch(join(root, 'src/renderer/src/screens/Board.tsx'), 5)
    expect(buildReason(root)).toBe('sources changed since the last build')
  })

  it('does not rebuild for a fresh build, nor when only a test file changed', () => {
    const root = project(100, 50)
    expect(buildReason(root)).toBeNull()
    touch(join(root, 'src/main/app.test.ts'), 1)
    expect(buildReason(root)).toBeNull()
  })
})

describe('npm start: Electron or the browser host', () => {
  it('finds no Electron runtime on this machine, where its download is blocked', () => {
    expect(findElectron(createRequire(join(projectRoot, 'package.json')))).toBeNull()
  })

  it('uses Electron when require answers the path of an existing binary', () => {
    const binary = join(mkdtempSync(join(tmpdir(), 'electron-')), 'electron')
    writeFileSync(binary, '')
    expect(findElectron(() => binary)).toBe(binary)
    expect(findElectron(() => join(tmpdir(), 'no-such-electron-binary'))).toBeNull()
    expect(
      findElectron(() => {
        throw new Error('Electron failed to install correctly')
      }),
    ).toBeNull()
  })

  it('spawns Electron on the project, passing extra arguments', () => {
    const plan = planStart({ root: '/p', electronPath: '/bin/electron', port: 4780, execPath: '/bin/node', tsxCli: '/t/cli.mjs', extraArgs: ['--x'] })
    expect(plan).toEqual({ kind: 'electron', command: '/bin/electron', args: ['/p', '--x'], message: null })
  })

  it('falls back to the Node host with one line saying where the app is served', () => {
    const plan = planStart({ root: '/p', electronPath: null, port: 4781, execPath: '/bin/node', tsxCli: '/t/cli.mjs', extraArgs: ['--demo'] })
    expect(plan.kind).toBe('host')
    expect(plan.command).toBe('/bin/node')
    expect(plan.args).toEqual(['/t/cli.mjs', 'src/main/host/cli.ts', '--data-dir', 'data', '--port', '4781', '--demo'])
    expect(plan.message).toBe('Electron runtime not available here; serving the app at http://127.0.0.1:4781/ instead')
  })

  it('takes the port from DEALER_HOST_PORT, 4780 by default, and rejects nonsense', () => {
    expect(hostPort({})).toBe(4780)
    expect(hostPort({ DEALER_HOST_PORT: '5100' })).toBe(5100)
    expect(() => hostPort({ DEALER_HOST_PORT: 'x' })).toThrow(/DEALER_HOST_PORT/)
  })

  it('resolves the tsx and electron-vite command scripts of the installed packages', () => {
    const req = createRequire(join(projectRoot, 'package.json'))
    expect(resolveBin(req, 'tsx')).toMatch(/tsx[\\/]dist[\\/]cli\.mjs$/)
    expect(resolveBin(req, 'electron-vite')).toMatch(/electron-vite[\\/]bin[\\/]electron-vite\.js$/)
  })
})

describe('once the host is ready', () => {
  const url = 'http://127.0.0.1:4780/'

  it('prints the address in a banner with how to stop and where the data is', () => {
    const banner = readyBanner(url)
    expect(banner).toContain(`open ${url}`)
    expect(banner).toContain('Ctrl+C')
    expect(banner).toContain('./data')
    expect(banner.split('\n').filter((l) => /^=+$/.test(l))).toHaveLength(2)
  })

  it('opens a browser only with a display and never under CI', () => {
    expect(browserCommand(url, { platform: 'linux', env: { DISPLAY: ':0' } })).toEqual({ command: 'xdg-open', args: [url] })
    expect(browserCommand(url, { platform: 'linux', env: {} })).toBeNull()
    expect(browserCommand(url, { platform: 'linux', env: { DISPLAY: ':0', CI: 'true' } })).toBeNull()
    expect(browserCommand(url, { platform: 'darwin', env: { CI: 'true' } })).toBeNull()
    expect(browserCommand(url, { platform: 'darwin', env: {} })).toEqual({ command: 'open', args: [url] })
    expect(browserCommand(url, { platform: 'linux', env: { WAYLAND_DISPLAY: 'w-0', DEALER_NO_BROWSER: '1' } })).toBeNull()
  })
})
