import { useSyncExternalStore } from 'react'

// Hash routes work the same under the Electron app:// scheme and the host's static files, and
// a reload keeps the person on the screen they were on.
export type Route =
  | { name: 'reception'; vehicleId?: number; register?: boolean; ownerId?: number }
  | { name: 'checkIn'; vehicleId: number; appointmentId?: number }
  | { name: 'ro'; id: number }
  | { name: 'roPrint'; id: number }
  | { name: 'roList'; all?: boolean }
  | { name: 'appointments'; date?: string }

const positive = (s: string | null | undefined): number | undefined => {
  const n = Number(s)
  return Number.isInteger(n) && n > 0 ? n : undefined
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?')
  const params = new URLSearchParams(query)
  const parts = path.split('/').filter(Boolean)
  const [head, a, b] = parts
  switch (head) {
    case 'ro': {
      const id = positive(a)
      if (id) return b === 'print' ? { name: 'roPrint', id } : { name: 'ro', id }
      return { name: 'roList', all: params.get('all') === '1' }
    }
    case 'ros':
      return { name: 'roList', all: params.get('all') === '1' }
    case 'check-in': {
      const vehicleId = positive(a)
      if (!vehicleId) break
      const appointmentId = positive(params.get('appointment'))
      return appointmentId ? { name: 'checkIn', vehicleId, appointmentId } : { name: 'checkIn', vehicleId }
    }
    case 'appointments': {
      const date = params.get('date')
      return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { name: 'appointments', date } : { name: 'appointments' }
    }
    case 'reception': {
      if (a === 'vehicle' && positive(b)) return { name: 'reception', vehicleId: positive(b) as number }
      if (a === 'new') {
        const ownerId = positive(params.get('owner'))
        return ownerId ? { name: 'reception', register: true, ownerId } : { name: 'reception', register: true }
      }
      break
    }
  }
  return { name: 'reception' }
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'reception':
      if (route.vehicleId) return `#/reception/vehicle/${route.vehicleId}`
      if (route.register) return route.ownerId ? `#/reception/new?owner=${route.ownerId}` : '#/reception/new'
      return '#/reception'
    case 'checkIn':
      return `#/check-in/${route.vehicleId}${route.appointmentId ? `?appointment=${route.appointmentId}` : ''}`
    case 'ro':
      return `#/ro/${route.id}`
    case 'roPrint':
      return `#/ro/${route.id}/print`
    case 'roList':
      return route.all ? '#/ros?all=1' : '#/ros'
    case 'appointments':
      return route.date ? `#/appointments?date=${route.date}` : '#/appointments'
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route)
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash)
}

export function useRoute(): Route {
  return parseRoute(useHash())
}
