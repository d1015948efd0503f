import type { MessageKey } from '../../../../shared/i18n'
import type { T } from '../../i18n'

// Walk-around vocabulary. Findings store these keys, not text, so the printout and the screen
// show them in the reader's language; anything typed freely is stored and shown as typed.
export const CAR_AREAS = [
  'front',
  'bonnet',
  'windscreen',
  'roof',
  'rear_window',
  'boot',
  'rear',
  'left_front',
  'left_rear',
  'right_front',
  'right_rear',
] as const
export type CarArea = (typeof CAR_AREAS)[number]

export const WARNING_LIGHTS = ['engine', 'abs', 'airbag', 'oil', 'battery', 'tyre', 'brake', 'coolant'] as const
export const VALUABLE_PLACES = ['cabin', 'glovebox', 'boot'] as const

export type FindingKind = 'damage' | 'valuable' | 'warning_light'

export interface FindingDraft {
  key: number
  kind: FindingKind
  area: string
  note: string
}

const KNOWN: Record<FindingKind, readonly string[]> = {
  damage: CAR_AREAS,
  warning_light: WARNING_LIGHTS,
  valuable: VALUABLE_PLACES,
}

const PREFIX: Record<FindingKind, string> = { damage: 'walk.area.', warning_light: 'walk.light.', valuable: 'walk.place.' }

/** A stored area in the reader's language (known keys translated, free text as typed). */
export function areaLabel(t: T, kind: FindingKind, area: string): string {
  return KNOWN[kind].includes(area) ? t(`${PREFIX[kind]}${area}` as MessageKey) : area
}
