import { useApiQuery } from '../api/query-client'
import type { AppointmentT } from './types'

export interface Advisor {
  id: number
  name: string
}

const NONE: Advisor[] = []
const NO_APPOINTMENTS: AppointmentT[] = []

/** Who takes bookings, read once and kept while the app runs. */
export function useAdvisors(): Advisor[] {
  const { data } = useApiQuery('appointments.advisors', {}, { staleTime: 5 * 60_000, select: (users) => users.map((u) => ({ id: u.id, name: u.displayName })) })
  return data ?? NONE
}

/** One day's appointments; live events re-read it. */
export function useAppointmentsDay(date: string) {
  const query = useApiQuery('appointments.day', { date }, { keepPrevious: true })
  return { appointments: query.data ?? NO_APPOINTMENTS, loading: query.isFetching, error: query.error?.message ?? null }
}
