import { monthKey, monthStart } from '../src/shared/domain/calendar'
import { getSetting } from '../src/main/settings/settings'
import type { Envelope } from '../src/shared/contract/errors'
import type { BenchArea } from './lib/area'
import { login } from './lib/dataset'
import { latencyMetric, timeCalls, type Metric } from './lib/metric'

// Running the department (issue: scorecards for all staff for a month ≤ 200 ms on the full-scale
// data set). Through the dispatcher as the manager's screen calls it: the month's list of every
// advisor's and technician's scorecard, and every one of those scorecards opened in turn.

const RUNS = 30

function data<T>(envelope: Envelope<unknown>, channel: string): T {
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.message}`)
  return envelope.data as T
}

export const departmentBench: BenchArea = {
  name: 'department',
  async run(ctx): Promise<Metric[]> {
    const { app } = ctx
    const token = await login(app, 'manager')
    const month = monthKey(monthStart(app.clock.now(), getSetting(app.store, 'time.zone'), -1), getSetting(app.store, 'time.zone'))
    const list = async () => data<{ person: { userId: number } }[]>(await app.dispatch('department.scorecards', { month }, { token }), 'department.scorecards')
    const staff = await list()
    ctx.log(`department: ${staff.length} scorecards for ${month}`)
    const listSamples = await timeCalls(list, { warmup: 3, iterations: RUNS })
    const everyCard = await timeCalls(
      async () => {
        for (const { person } of staff) data(await app.dispatch('department.scorecard', { month, userId: person.userId }, { token }), 'department.scorecard')
      },
      { warmup: 2, iterations: RUNS },
    )
    return [
      latencyMetric('department.scorecards.list', listSamples, { field: 'p95_ms', max: 200 }),
      latencyMetric(`department.scorecards.every_card (${staff.length} people)`, everyCard, { field: 'p95_ms', max: 200 }),
    ]
  },
}
