// `npm start`: build when needed, then open the Electron app — or, where the Electron runtime
// cannot be installed (build and CI machines), serve the same app to a browser from the Node host.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildReason, findElectron, hostPort, planStart, resolveBin } from './start-lib.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))

const reason = buildReason(root)
if (reason) {
  console.log(`Building the app (${reason}) …`)
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

const child = spawn(plan.command, plan.args, { cwd: root, stdio: 'inherit', env: process.env })
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
