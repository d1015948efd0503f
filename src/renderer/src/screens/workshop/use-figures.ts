import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import type { Contract } from '../../../../shared/contract'
import type { OutputOf } from '../../../../shared/contract/types'
import { useSessionStore } from '../../i18n'
import { todayIn } from '../../format'
import { useApi } from '../../api/query-client'
import type { WorkshopStore } from '../../stores/workshop-store'

export type QcStatsT = OutputOf<Contract['workshop.qc.stats']>
export type EfficiencyT = OutputOf<Contract['workshop.efficiency']>

export interface Period {
  from: string
  to: string
}

/** This calendar month up to today, in the dealership's zone. */
export function useThisMonth(): Period {
  const timeZone = useStore(useSessionStore(), (s) => s.settings?.timeZone ?? 'Asia/Shanghai')
  const today = todayIn(timeZone)
  return { from: `${today.slice(0, 8)}01`, to: today }
}

/** First-pass rate and technician efficiency for a period, read again after every change in the shop. */
export function useFigures(store: WorkshopStore, period: Period, withEfficiency: boolean) {
  const api = useApi()
  const revision = useStore(store, (s) => s.revision)
  const [qc, setQc] = useState<QcStatsT | null>(null)
  const [efficiency, setEfficiency] = useState<EfficiencyT | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    void api.call('workshop.qc.stats', period).then((r) => {
      if (!live) return
      if (r.ok) setQc(r.data)
      else setError(r.message)
    })
    if (withEfficiency) {
      void api.call('workshop.efficiency', period).then((r) => {
        if (!live) return
        if (r.ok) setEfficiency(r.data)
        else setError(r.message)
      })
    }
    return () => {
      live = false
    }
  }, [api, period.from, period.to, withEfficiency, revision])

  return { qc, efficiency, error }
}
