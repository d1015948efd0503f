import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import type { Contract } from '../../../../../shared/contract'
import type { InputOf, OutputOf } from '../../../../../shared/contract/types'
import { useApi } from '../../../api/query-client'
import type { WorkshopStore } from '../../../stores/workshop-store'

type ListChannel = 'workshop.technicians' | 'workshop.bays' | 'workshop.displayTokens'

/** A settings list, read again after every change in the workshop (this PC's writes and others'). */
export function useList<K extends ListChannel>(store: WorkshopStore, channel: K, input: InputOf<Contract[K]>) {
  const api = useApi()
  const revision = useStore(store, (s) => s.revision)
  const [rows, setRows] = useState<OutputOf<Contract[K]> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const key = JSON.stringify(input)

  useEffect(() => {
    let live = true
    void api.call(channel, JSON.parse(key) as InputOf<Contract[K]>).then((r) => {
      if (!live) return
      if (r.ok) setRows(r.data)
      else setError(r.message)
    })
    return () => {
      live = false
    }
  }, [api, channel, key, revision])

  return { rows, error }
}
