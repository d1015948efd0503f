import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createApp } from '../src/main/app'
import { BOARD_SQL } from '../src/main/workshop/board'
import { seedBusyShop } from './workshop-seed'
const app = await createApp({ dataDir: mkdtempSync(join(tmpdir(), 'prof-')), clock: { now: () => new Date('2026-11-27T02:30:00Z') } })
seedBusyShop(app.store)
const time = (name: string, f: () => unknown) => { for (let i = 0; i < 20; i++) f(); const t = performance.now(); for (let i = 0; i < 100; i++) f(); console.log(name, ((performance.now() - t) / 100).toFixed(3), 'ms') }
const j = BOARD_SQL.jobs
time('jobs', () => app.store.prepare(j).all())
time('jobs raw', () => app.store.prepare(j).raw(true).all())
time('jobs no order', () => app.store.prepare(j.replace('ORDER BY j.ro_id, j.id', '')).all())
time('jobs only ids', () => app.store.prepare(`SELECT j.id FROM repair_orders r JOIN ro_jobs j ON j.ro_id = r.id WHERE r.state IN ('authorised','in_progress','quality_check','washing','ready')`).all())
time('jobs cols no join', () => app.store.prepare(`SELECT j.* FROM repair_orders r JOIN ro_jobs j ON j.ro_id = r.id WHERE r.state IN ('authorised','in_progress','quality_check','washing','ready')`).all())
time('count', () => app.store.prepare(`SELECT count(*) FROM repair_orders r WHERE r.state IN ('authorised','in_progress','quality_check','washing','ready')`).all())
time('ro_jobs by state', () => app.store.prepare(`SELECT j.id FROM ro_jobs j WHERE j.ro_id IN (SELECT id FROM repair_orders r WHERE r.state IN ('authorised','in_progress','quality_check','washing','ready'))`).all())
console.log(app.store.prepare(`SELECT count(*) n FROM repair_orders`).get(), app.store.prepare(`SELECT state, count(*) n FROM repair_orders GROUP BY state`).all())
