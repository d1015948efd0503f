// Stored times are local ISO text in the dealership's zone: the wall-clock part as written is what
// a person reads, on screens (the renderer's `dateTime` and kin) and in files the main process makes.
const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/

/** `2026-03-05T14:30:00+08:00` → `2026-03-05 14:30`; empty for none. */
export function wallDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const m = ISO.exec(iso)
  return m ? `${m[1]} ${m[2]}` : iso
}

/** The date part of a stored time or date; empty for none. */
export function wallDate(iso: string | null | undefined): string {
  if (!iso) return ''
  return ISO.exec(iso)?.[1] ?? iso.slice(0, 10)
}

/** The time of day of a stored time (`14:30`); empty for none. */
export function wallTime(iso: string | null | undefined): string {
  if (!iso) return ''
  return ISO.exec(iso)?.[2] ?? iso
}
