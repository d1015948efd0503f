// Repair-quality incidents (维修质量事故) [manual: the technical supervisor analyses quality
// incidents]. Pure values; the register and the comeback detection live in src/main/quality.

/** Where an incident came from: typed in, or registered from a comeback the system proposed. */
export const INCIDENT_SOURCES = ['manual', 'qc_rework', 'repeat_visit'] as const
export type IncidentSource = (typeof INCIDENT_SOURCES)[number]

export const INCIDENT_STATES = ['open', 'closed'] as const
export type IncidentState = (typeof INCIDENT_STATES)[number]

/** A repeat visit counts as a comeback when the vehicle is back within this many days for the same labour operation. */
export const COMEBACK_DAYS = 30
/** The longest comeback window the setting takes (a year). */
export const COMEBACK_DAYS_MAX = 365

/** A comeback's key: the QC inspection that failed, or the RO the vehicle came back with. */
export const comebackKey = (source: 'qc_rework' | 'repeat_visit', id: number): string => `${source === 'qc_rework' ? 'qc' : 'repeat'}:${id}`

export function parseComebackKey(key: string): { source: 'qc_rework' | 'repeat_visit'; id: number } | null {
  const m = /^(qc|repeat):([1-9]\d{0,11})$/.exec(key)
  if (!m) return null
  return { source: m[1] === 'qc' ? 'qc_rework' : 'repeat_visit', id: Number(m[2]) }
}
