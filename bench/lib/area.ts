import type { App } from '../../src/main/app'
import type { Rng } from '../../src/main/demo/random'
import type { Metric } from './metric'

/** What each area's benchmark gets: the generated dealership and a way to report progress. */
export interface BenchContext {
  app: App
  scale: number
  rng: Rng
  log: (line: string) => void
}

/** One area's measurements; bench/run.ts runs every registered area in turn. */
export interface BenchArea {
  name: string
  run(ctx: BenchContext): Promise<Metric[]>
}
