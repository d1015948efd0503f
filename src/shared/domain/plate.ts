// Chinese civil licence plates (GA 36). Only the shapes seen at a dealership's service counter are
// accepted: ordinary fuel plates, new-energy plates, and learner/police suffixes. Embassy, Hong
// Kong/Macau and trailer plates are rare enough to be entered as notes instead.

export type PlateKind = 'fuel' | 'new_energy'

export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'

// Plates never use I or O so they cannot be misread as 1 and 0.
const LETTER = '[A-HJ-NP-Z]'
const ALNUM = '[A-HJ-NP-Z0-9]'
// Pure-electric and hybrid markers (D/F, and the newer A/B/C/E/G/H/J/K series).
const NEW_ENERGY_MARK = '[DFABCEGHJK]'
const PREFIX = `[${PLATE_PROVINCES}]${LETTER}`

const FUEL = new RegExp(`^${PREFIX}${ALNUM}{4}(?:${ALNUM}|[学警])$`)
// Small cars carry the marker first, large vehicles last; either position is accepted.
const NEW_ENERGY = new RegExp(`^${PREFIX}(?:${NEW_ENERGY_MARK}${ALNUM}{5}|${ALNUM}{5}${NEW_ENERGY_MARK})$`)

const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g
// Spaces (incl. ideographic), middle dots people type from the physical plate, and hyphens.
const SEPARATORS = /[\s\u3000\u00B7\u30FB\u2022\u2027\uFF0E.\-\u2010-\u2015\uFF0D]/g

/** Converts full-width letters and digits (common from Chinese IMEs) to their ASCII forms. */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

/** Trims, converts full-width characters, uppercases and removes separators: `粤B·d12345` → `粤BD12345`. */
export function normalisePlate(s: string): string {
  return toHalfWidth(s.trim()).toUpperCase().replace(SEPARATORS, '')
}

/** The kind of an already-normalised plate, or null if it is not a recognised plate. */
export function checkPlate(s: string): { kind: PlateKind } | null {
  if (FUEL.test(s)) return { kind: 'fuel' }
  if (NEW_ENERGY.test(s)) return { kind: 'new_energy' }
  return null
}
