// Decisions behind `npm start`, kept apart from the side effects so they can be tested.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'

export const DEFAULT_PORT = 4780

/** What `electron-vite build` produces; all three must exist for either way of starting. */
export const BUILD_OUTPUTS = ['out/main/index.js', 'out/preload/preload.cjs', 'out/renderer/index.html']

/** What the build reads. Test files are skipped: editing a test must not force a rebuild. */
export const BUILD_INPUTS = ['src', 'electron.vite.config.ts']

const isTestFile = (name) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(name)

/** Newest modification time (ms) under `path`, or 0 when it does not exist. */
export function newestMtime(path) {
  let stat
  try {
    stat = statSync(path)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  // Only files count: a directory's time also moves when a test file is added next to the code.
  let newest = 0
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isFile() && isTestFile(entry.name)) continue
    newest = Math.max(newest, newestMtime(join(path, entry.name)))
  }
  return newest
}

/** Why the app must be built before it can start, or null when `out/` is current. */
export function buildReason(root) {
  let oldestOutput = Infinity
  for (const output of BUILD_OUTPUTS) {
    const path = join(root, output)
    if (!existsSync(path)) return `${output} is missing`
    oldestOutput = Math.min(oldestOutput, statSync(path).mtimeMs)
  }
  const newestInput = Math.max(...BUILD_INPUTS.map((input) => newestMtime(join(root, input))))
  return newestInput > oldestOutput ? 'sources changed since the last build' : null
}

/**
 * The Electron binary's path, or null when the runtime is absent. `require('electron')` answers
 * the path when the download worked and throws when it did not (as on the build machines).
 */
export function findElectron(requireFn) {
  try {
    const path = requireFn('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

/** Absolute path of a package's command-line script, from its package.json `bin`. */
export function resolveBin(requireFn, pkg, name = pkg) {
  const manifestPath = requireFn.resolve(`${pkg}/package.json`)
  const manifest = requireFn(`${pkg}/package.json`)
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[name]
  if (!bin) throw new Error(`${pkg} has no command ${name}`)
  return join(dirname(manifestPath), bin)
}

export function hostPort(env) {
  const raw = env.DEALER_HOST_PORT
  if (raw === undefined || raw === '') return DEFAULT_PORT
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`DEALER_HOST_PORT must be a port number, not ${raw}`)
  return port
}

/**
 * Electron when it is there; otherwise the same app through the Node host, for a browser.
 * Extra arguments (`npm start -- --demo`) go to whichever starts.
 */
export function planStart({ root, electronPath, port, execPath, tsxCli, extraArgs = [] }) {
  if (electronPath) {
    return { kind: 'electron', command: electronPath, args: [root, ...extraArgs], message: null }
  }
  return {
    kind: 'host',
    command: execPath,
    args: [tsxCli, 'src/main/host/cli.ts', '--data-dir', 'data', '--port', String(port), ...extraArgs],
    message: `Electron runtime not available here; serving the app at http://127.0.0.1:${port}/ instead`,
  }
}

/** The lines `npm start` prints once the host is up, so the address stands out in the build log. */
export function readyBanner(url) {
  const lines = [`The app is running: open ${url}`, 'Stop it with Ctrl+C. Data is in ./data (delete that folder to start over).']
  const width = Math.max(...lines.map((l) => l.length)) + 4
  const rule = '='.repeat(width)
  return ['', rule, ...lines.map((l) => `  ${l}`), rule, ''].join('\n')
}

/**
 * The command that opens `url` in the person's browser, or null where that would be wrong:
 * under CI (CI=true), when asked not to (DEALER_NO_BROWSER=1), or on Linux without a display.
 */
export function browserCommand(url, { platform, env }) {
  if (env.CI === 'true' || env.CI === '1' || env.DEALER_NO_BROWSER === '1') return null
  if (platform === 'darwin') return { command: 'open', args: [url] }
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '', url] }
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null
  return { command: 'xdg-open', args: [url] }
}
