import { useMemo, useState } from 'react'
import { useApiQuery } from '../../api/query-client'

/** A list's rows matching the filter text (plate, RO number, customer). */
export function useFiltered<R extends { plate: string | null; customerName: string; roNumber: string | null }>(rows: R[] | undefined) {
  const [q, setQ] = useState('')
  const shown = useMemo(() => {
    const needle = q.trim().toUpperCase()
    const all = rows ?? []
    return needle ? all.filter((r) => [r.plate ?? '', r.customerName, r.roNumber ?? ''].some((v) => v.toUpperCase().includes(needle))) : all
  }, [rows, q])
  return { q, setQ, shown }
}

export function useFollowUps(state: 'open' | 'closed') {
  return useApiQuery('care.followups.list', { state, limit: 500 })
}

export function useComplaints(state: 'active' | 'closed') {
  return useApiQuery('care.complaints.list', { state, limit: 500 })
}
