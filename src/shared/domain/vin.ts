// Vehicle identification numbers per ISO 3779 / GB 16735. Every vehicle sold in China carries a
// 17-character VIN with a check digit at position 9, so a typo is caught at the counter instead
// of silently creating a second vehicle record.

export type VinProblem = 'length' | 'chars' | 'checkDigit'

export const VIN_LENGTH = 17

// I, O and Q are excluded by the standard because they are easily confused with 1 and 0.
const VIN_CHARS = /^[A-HJ-NPR-Z0-9]+$/

const TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
}

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const

const CHECK_DIGIT_INDEX = 8

/** Trims, uppercases and removes spaces (people copy VINs from registration papers in groups). */
export function normaliseVin(s: string): string {
  return s.trim().toUpperCase().replace(/\s+/g, '')
}

function charValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48
  const value = TRANSLITERATION[c]
  if (value === undefined) throw new RangeError(`Not a VIN character: ${c}`)
  return value
}

function assertVinShape(vin17: string): void {
  if (vin17.length !== VIN_LENGTH || !VIN_CHARS.test(vin17)) {
    throw new RangeError(`Not a 17-character VIN: ${vin17}`)
  }
}

/**
 * The check digit ('0'–'9' or 'X') that position 9 should hold. The character currently at
 * position 9 does not matter because its weight is 0. Throws on anything that is not 17 VIN chars.
 */
export function vinCheckDigit(vin17: string): string {
  assertVinShape(vin17)
  let sum = 0
  for (let i = 0; i < VIN_LENGTH; i++) {
    sum += charValue(vin17.charAt(i)) * (WEIGHTS[i] ?? 0)
  }
  const remainder = sum % 11
  return remainder === 10 ? 'X' : String(remainder)
}

/** The VIN with position 9 replaced by its correct check digit (used to generate demo data). */
export function withValidCheckDigit(vin17: string): string {
  const digit = vinCheckDigit(vin17)
  return vin17.slice(0, CHECK_DIGIT_INDEX) + digit + vin17.slice(CHECK_DIGIT_INDEX + 1)
}

/**
 * The first problem with an already-normalised VIN, or null if it is valid. Problems are reported
 * in the order a person would fix them: count first, then characters, then the check digit.
 */
export function checkVin(s: string): VinProblem | null {
  if (s.length !== VIN_LENGTH) return 'length'
  if (!VIN_CHARS.test(s)) return 'chars'
  if (s.charAt(CHECK_DIGIT_INDEX) !== vinCheckDigit(s)) return 'checkDigit'
  return null
}
