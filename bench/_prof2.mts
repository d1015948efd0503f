import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createApp } from '../src/main/app'
import { seedBusyShop } from './workshop-seed'
const app = await createApp({ dataDir: mkdtempSync(join(tmpdir(), 'prof-')), clock: { now: () => new Date('2026-11-27T02:30:00Z') } })
seedBusyShop(app.store)
const time = (name: string, f: () => unknown) => { for (let i = 0; i < 20; i++) f(); const s: number[] = []; for (let i = 0; i < 200; i++) { const t = performance.now(); f(); s.push(performance.now() - t) } s.sort((a,b)=>a-b); console.log(name, 'p50', s[100]!.toFixed(3), 'p95', s[190]!.toFixed(3)) }
const W = `FROM repair_orders r JOIN ro_jobs j ON j.ro_id = r.id WHERE r.state IN ('authorised','in_progress','quality_check','washing','ready') AND j.state <> 'declined'`
time('13 cols obj', () => app.store.prepare(`SELECT j.id, j.ro_id, j.ro_line_id, j.additional_line_id, j.description, j.skill, j.technician_id, j.bay_id, j.state, j.pause_reason, j.sold_hours_milli, j.rework_count, j.version ${W}`).all())
time('13 cols raw', () => app.store.prepare(`SELECT j.id, j.ro_id, j.ro_line_id, j.additional_line_id, j.description, j.skill, j.technician_id, j.bay_id, j.state, j.pause_reason, j.sold_hours_milli, j.rework_count, j.version ${W}`).raw(true).all())
time('ints only raw', () => app.store.prepare(`SELECT j.id, j.ro_id, j.ro_line_id, j.additional_line_id, j.technician_id, j.bay_id, j.sold_hours_milli, j.rework_count, j.version ${W}`).raw(true).all())
time('texts only raw', () => app.store.prepare(`SELECT j.description, j.skill, j.state, j.pause_reason ${W}`).raw(true).all())
time('1 col', () => app.store.prepare(`SELECT j.description ${W}`).raw(true).all())
time('1 int col', () => app.store.prepare(`SELECT j.version ${W}`).raw(true).all())
time('1 int col pluck', () => app.store.prepare(`SELECT j.version ${W}`).pluck().all())
time('json 1 col', () => JSON.parse(app.store.prepare(`SELECT json_group_array(j.version) ${W}`).pluck().get() as string))
time('json arrays 13', () => JSON.parse(app.store.prepare(`SELECT json_group_array(json_array(j.id, j.ro_id, j.ro_line_id, j.additional_line_id, j.description, j.skill, j.technician_id, j.bay_id, j.state, j.pause_reason, j.sold_hours_milli, j.rework_count, j.version)) ${W}`).pluck().get() as string))
