import { createContext, useContext, type ReactNode } from 'react'
import type { ApiClient } from '../../../shared/contract'
import type { AppointmentsStore } from './appointments-store'
import type { ReceptionStore } from './reception-store'
import type { RoStore } from './ro-store'

export interface Stores {
  api: ApiClient
  reception: ReceptionStore
  ro: RoStore
  appointments: AppointmentsStore
}

const StoresContext = createContext<Stores | null>(null)

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>
}

export function useStores(): Stores {
  const stores = useContext(StoresContext)
  if (!stores) throw new Error('StoresProvider is missing')
  return stores
}

export function useApi(): ApiClient {
  return useStores().api
}
