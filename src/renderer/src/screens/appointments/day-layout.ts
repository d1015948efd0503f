import { timeOnly } from '../../format'

export interface Placed {
  id: number
  advisorId: number
  startsAt: string
  durationMin: number
}

export interface Lane {
  lane: number
  lanes: number
}

const minutesOf = (iso: string) => {
  const [h = 0, m = 0] = timeOnly(iso).split(':').map(Number)
  return h * 60 + m
}

/**
 * Side-by-side lanes for an advisor's overlapping appointments, like a calendar: each booking
 * takes the first free lane, and every booking in a run of overlaps shares that run's width.
 */
export function layoutLanes(appointments: readonly Placed[]): Map<number, Lane> {
  const out = new Map<number, Lane>()
  const byAdvisor = new Map<number, Placed[]>()
  for (const a of appointments) byAdvisor.set(a.advisorId, [...(byAdvisor.get(a.advisorId) ?? []), a])
  for (const list of byAdvisor.values()) {
    const sorted = [...list].sort((a, b) => minutesOf(a.startsAt) - minutesOf(b.startsAt))
    let cluster: { id: number; lane: number }[] = []
    let laneEnds: number[] = []
    let clusterEnd = -1
    const close = () => {
      for (const c of cluster) out.set(c.id, { lane: c.lane, lanes: laneEnds.length })
      cluster = []
      laneEnds = []
    }
    for (const a of sorted) {
      const start = minutesOf(a.startsAt)
      const end = start + Math.max(a.durationMin, 1)
      if (start >= clusterEnd) close()
      let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start)
      if (lane === -1) lane = laneEnds.push(end) - 1
      else laneEnds[lane] = end
      cluster.push({ id: a.id, lane })
      clusterEnd = Math.max(clusterEnd, end)
    }
    close()
  }
  return out
}
