import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createAppOrRecover } from '../backup/recovery-host'
import { startJobs } from '../jobs/runner'
import { startHttpHost } from './http'
import { hostAddresses } from './lan-addresses'
import { announcesOnLan, DISCOVERY_PORT, startDiscoveryResponder, type DiscoveryResponder } from './discovery'
import { getSetting } from '../settings/settings'

// `npm run host -- --port <n> --data-dir <dir> [--demo] [--host <addr>]`
// Prints the URL it serves once it is ready; later issues' tests wait for that line.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4780' },
    'data-dir': { type: 'string', default: 'data' },
    host: { type: 'string', default: '127.0.0.1' },
    demo: { type: 'boolean', default: false },
    'demo-password': { type: 'string' },
    'demo-scale': { type: 'string', default: 'small' },
    'static-dir': { type: 'string' },
  },
})

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const staticDir = resolve(values['static-dir'] ?? join(projectRoot, 'out/renderer'))
const dataDir = resolve(values['data-dir'])

// A damaged store starts recovery mode (restore a backup) before the app proper.
const app = await createAppOrRecover({ dataDir, port: Number(values.port) })

if (values.demo) {
  const status = await app.dispatch('setup.status', {})
  if (status.ok && !(status.data as { initialised: boolean }).initialised) {
    const password = values['demo-password'] ?? process.env.DEMO_PASSWORD ?? randomBytes(6).toString('base64url')
    const seeded = await app.dispatch('setup.demo', { password, scale: values['demo-scale'] })
    if (!seeded.ok) {
      console.error(`Demo set-up failed: ${seeded.message}`)
      process.exit(1)
    }
    const users = (seeded.data as { usernames: { username: string; role: string }[] }).usernames
    console.log(`Demo dealership created. Password for every demo user: ${password}`)
    console.log(`Demo users: ${users.map((u) => `${u.username} (${u.role})`).join(', ')}`)
  }
}

if (!existsSync(join(staticDir, 'index.html'))) {
  console.warn(`No built renderer in ${staticDir}: run \`npm run build\` to get the UI (the API works without it).`)
}

const host = await startHttpHost(app, { port: Number(values.port), host: values.host, staticDir })
// New workstations find this host by a LAN broadcast; a busy port only costs them typing the address.
let responder: DiscoveryResponder | null = null
if (announcesOnLan(values.host)) {
  responder = await startDiscoveryResponder({
    httpPort: Number(new URL(host.url).port),
    boundHost: values.host,
    dealerName: () => getSetting(app.store, 'dealer.name'),
  }).catch((error: unknown) => {
    console.warn(`Not announcing the host on UDP ${DISCOVERY_PORT}: ${error instanceof Error ? error.message : String(error)}`)
    return null
  })
}
console.log(`Host ready: ${host.url} (data: ${dataDir})`)
// Bound for the LAN: the addresses other PCs and the workshop TV open.
const lan = hostAddresses(app.listening)
if (lan.lanReachable) console.log(`On the LAN: ${lan.addresses.map((a) => a.baseUrl).join('  ')}`)
const jobs = startJobs(app)

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await jobs.stop()
  await responder?.close()
  await host.close()
  app.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
