import { createStore } from 'zustand/vanilla'
import type { ApiClient } from '../../../shared/contract'
import type { Failure } from '../api/failure'
import type { AppointmentT } from './types'

export interface Advisor {
  id: number
  name: string
}

export interface BookInput {
  vehicleId: number
  advisorId: number
  startsAt: string
  durationMin: number
  concern: string
  outsideHours?: boolean
}

export interface AppointmentsState {
  date: string | null
  advisors: Advisor[]
  appointments: AppointmentT[]
  loading: boolean
  error: string | null
  load(date: string): Promise<void>
  loadAdvisors(): Promise<void>
  book(input: BookInput): Promise<Failure | null>
  setStatus(appointment: AppointmentT, status: 'no_show' | 'cancelled' | 'booked'): Promise<Failure | null>
  changed(): void
}

export function createAppointmentsStore(api: ApiClient) {
  let seq = 0
  return createStore<AppointmentsState>()((set, get) => ({
    date: null,
    advisors: [],
    appointments: [],
    loading: false,
    error: null,

    async load(date) {
      const mine = ++seq
      set({ date, loading: true, error: null })
      const result = await api.call('appointments.day', { date })
      if (mine !== seq) return
      if (result.ok) set({ appointments: result.data, loading: false })
      else set({ appointments: [], loading: false, error: result.message })
    },

    async loadAdvisors() {
      const result = await api.call('appointments.advisors', {})
      if (!result.ok) return
      const advisors = result.data.map((u) => ({ id: u.id, name: u.displayName }))
      set({ advisors })
    },

    async book(input) {
      const result = await api.call('appointments.book', input)
      if (!result.ok) return result
      const date = get().date
      if (date) await get().load(date)
      return null
    },

    async setStatus(appointment, status) {
      const result = await api.call('appointments.setStatus', { id: appointment.id, version: appointment.version, status })
      if (!result.ok) return result
      set({ appointments: get().appointments.map((a) => (a.id === appointment.id ? result.data : a)) })
      return null
    },

    changed() {
      const date = get().date
      if (date && !get().loading) void get().load(date)
    },
  }))
}

export type AppointmentsStore = ReturnType<typeof createAppointmentsStore>
