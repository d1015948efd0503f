/**
 * Drops empty and blank optional values before a call: the contract treats an absent field as
 * "not given", while an empty string would be validated (and refused) as a plate, phone, …
 */
export function clean<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue
    if (typeof value === 'string' && value.trim() === '') continue
    out[key] = value
  }
  return out as Partial<T>
}
