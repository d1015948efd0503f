// The kind of visit a repair order records; it sets the default payer of new lines and drives
// reporting (maintenance vs. repair vs. claims).
import type { Payer } from './payer'

export const RO_TYPES = ['maintenance', 'repair', 'warranty', 'insurance', 'internal', 'campaign'] as const
export type RoType = (typeof RO_TYPES)[number]

const DEFAULT_PAYER: Record<RoType, Payer> = {
  maintenance: 'customer',
  repair: 'customer',
  warranty: 'warranty',
  insurance: 'insurance',
  internal: 'internal',
  campaign: 'campaign',
}

export function isRoType(value: unknown): value is RoType {
  return typeof value === 'string' && (RO_TYPES as readonly string[]).includes(value)
}

/** The payer new lines on this kind of repair order get unless the advisor changes it. */
export function defaultPayerOf(type: RoType): Payer {
  return DEFAULT_PAYER[type]
}
