import { cpSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { runExport } from '../../main/export/service'
import { demoApp, type TestApp } from '../../main/export/test-app'
import { setSetting } from '../../main/settings/settings'

// Generated dealerships for head-office tests (test code may use the dealership's own code):
// the demo dealership under its own dealer code, and its nightly batches copied out as its
// delivery would leave them.

export interface Dealer {
  code: string
  t: TestApp
  batches: string[]
}

export async function makeDealer(code: string, startIso = '2026-11-27T10:00:00+08:00'): Promise<Dealer> {
  const t = await demoApp(startIso, `ho-${code}-`)
  t.app.store.tx(() => setSetting(t.app.store, 'dealer.code', code))
  // Rows stamped in the cut-off second wait for the next batch; the demo was stamped "now".
  t.advance(60_000)
  return { code, t, batches: [] }
}

/** Builds tonight's batch at `atIso` and returns its folder in the dealership's outbox. */
export async function night(d: Dealer, atIso: string): Promise<string> {
  d.t.setNow(atIso)
  const built = await runExport({ store: d.t.app.store, dataDir: d.t.app.dataDir, clock: d.t.app.clock })
  d.batches.push(built.dir)
  return built.dir
}

/** Copies a batch folder into an inbox the way the folder delivery leaves it (name = batch id). */
export function deliver(batchDir: string, inbox: string, name = batchDir.split('/').at(-1)!): string {
  mkdirSync(inbox, { recursive: true })
  const target = join(inbox, name)
  cpSync(batchDir, target, { recursive: true })
  return target
}
