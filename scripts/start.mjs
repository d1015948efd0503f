// `npm start`: build when needed, then open the Electron app — or, where the Electron runtime
// cannot be installed (build and CI machines), serve the same app to a browser from the Node host.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { browserCommand, buildReason, findElectron, hostPort, planStart, readyBanner, resolveBin } from './start-lib.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))

const reason = buildReason(root)
if (reason) {
  console.log(`Building the app (${reason}); the first build takes a minute or so …`)
  const build = spawnSync(process.execPath, [resolveBin(require, 'electron-vite'), 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const plan = planStart({
  root,
  electronPath: findElectron(require),
  port: hostPort(process.env),
  execPath: process.execPath,
  tsxCli: resolveBin(require, 'tsx'),
  extraArgs: process.argv.slice(2),
})
if (plan.message) console.log(plan.message)

// The host's output passes through; its "Host ready: <url>" line is answered with a banner and,
// where a browser can be opened (never under CI), the app in the browser.
const piped = plan.kind === 'host'
const child = spawn(plan.command, plan.args, { cwd: root, stdio: ['inherit', piped ? 'pipe' : 'inherit', 'inherit'], env: process.env })
if (piped && child.stdout) {
  let seen = ''
  let announced = false
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk)
    if (announced) return
    seen = (seen + chunk.toString()).slice(-2000)
    const url = /Host ready: (\S+)/.exec(seen)?.[1]
    if (!url) return
    announced = true
    console.log(readyBanner(url))
    const opener = browserCommand(url, { platform: process.platform, env: process.env })
    if (opener) {
      const browser = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true })
      browser.on('error', () => {})
      browser.unref()
    }
  })
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal)
  })
}
child.on('error', (error) => {
  console.error(`Could not start ${plan.command}: ${error.message}`)
  process.exit(1)
})
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
