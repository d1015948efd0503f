import { useStore } from 'zustand'
import type { Contract } from '../../../../shared/contract'
import type { OutputOf } from '../../../../shared/contract/types'
import { useSessionStore } from '../../i18n'
import { todayIn } from '../../format'
import { useApiQuery } from '../../api/query-client'

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
export function useFigures(period: Period, withEfficiency: boolean) {
  const qc = useApiQuery('workshop.qc.stats', period)
  const efficiency = useApiQuery('workshop.efficiency', period, { enabled: withEfficiency })
  const error = qc.error?.message ?? (withEfficiency ? efficiency.error?.message : undefined) ?? null
  return { qc: qc.data ?? null, efficiency: withEfficiency ? (efficiency.data ?? null) : null, error }
}
