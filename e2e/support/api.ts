import type { Channel, Contract, Envelope } from '../../src/shared/contract'
import type { InputOf, OutputOf } from '../../src/shared/contract/types'

/** Calls the host's API directly, as another workstation would, to read what the UI should show. */
export async function apiCall<K extends Channel>(
  baseUrl: string,
  token: string | null,
  channel: K,
  input: InputOf<Contract[K]>,
): Promise<OutputOf<Contract[K]>> {
  const res = await fetch(new URL(`api/${channel}`, baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  })
  const envelope = (await res.json()) as Envelope<OutputOf<Contract[K]>>
  if (!envelope.ok && envelope.code === 'INTERNAL') throw new Error(`${channel} answered INTERNAL (a defect, never expected): ${envelope.message}`)
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.code} ${envelope.message}`)
  return envelope.data
}

export async function apiLogin(baseUrl: string, username: string, password: string): Promise<string> {
  const { token } = await apiCall(baseUrl, null, 'auth.login', { username, password })
  return token
}

/** A demo vehicle with a plate and no open repair order, and its current odometer. */
export async function freeDemoVehicle(baseUrl: string, token: string) {
  const hits = await apiCall(baseUrl, token, 'reception.search', { q: '粤', limit: 50 })
  const free = hits.find((h) => h.vehicleId && h.plate && !h.openRoId)
  if (!free?.vehicleId || !free.plate) throw new Error('no demo vehicle without an open order')
  const detail = await apiCall(baseUrl, token, 'vehicles.get', { id: free.vehicleId })
  return { vehicleId: free.vehicleId, plate: free.plate, odometerKm: detail.vehicle.odometerKm }
}

/** Checks a free demo vehicle in through the API, as the advisor's desk would. */
export async function checkInFreeVehicle(
  baseUrl: string,
  token: string,
  visit: { concerns: string; kmDriven: number; fuelEighths: number; promisedAt?: string },
) {
  const vehicle = await freeDemoVehicle(baseUrl, token)
  const ro = await apiCall(baseUrl, token, 'ro.checkIn', {
    vehicleId: vehicle.vehicleId,
    type: 'repair',
    odometerKm: vehicle.odometerKm + visit.kmDriven,
    fuelEighths: visit.fuelEighths,
    concerns: visit.concerns,
    ...(visit.promisedAt ? { promisedAt: visit.promisedAt } : {}),
  })
  return { vehicle, ro }
}
