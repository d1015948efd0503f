import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { useSessionStore } from '../../i18n'
import { useBoard, useWorkshopUi } from '../../stores/workshop-store'
import type { LiveStatus } from '../../api/meta'
import { hostNow } from './countdown'

/** The push channel's state, as the header shows it: workshop views warn while it is down. */
export function useLiveStatus(): LiveStatus {
  return useStore(useSessionStore(), (s) => s.live)
}

export function useMe(): number | null {
  return useStore(useSessionStore(), (s) => s.user?.id ?? null)
}

/**
 * Whose additional work the approvals list shows: an advisor starts with their own customers'
 * decisions (`mineOnly`) until they switch; supervisors and managers see everyone's.
 */
export function useQueueAdvisor(mineOnly: boolean): number | undefined {
  const me = useMe()
  const chosen = useWorkshopUi((s) => s.queueChosen)
  const picked = useWorkshopUi((s) => s.queueAdvisorId)
  if (chosen) return picked
  return mineOnly && me !== null ? me : undefined
}

/** The PC's clock, re-read every `everyMs` so countdowns and running clocks move. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}

/** The host's time now, from the last board read. */
export function useHostNow(everyMs = 30_000): number {
  const now = useNow(everyMs)
  const { board, receivedAt } = useBoard()
  return board === null ? now : hostNow(board.at, receivedAt, now)
}
