// Mainland China phone numbers. Customers mostly give a mobile, sometimes an office landline;
// both are stored in one normalised digit form so searching by phone finds them however typed.

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g
const SEPARATORS = /[\s\u3000\-\u2010-\u2015\uFF0D()（）]/g
const INTERNATIONAL_PREFIX = /^(?:\+86|0086)/
// After +86 the trunk 0 of a landline is dropped (+86 10 …, +86 21 …); mobiles start 1[3-9].
const LANDLINE_WITHOUT_TRUNK = /^(?:10|[2-9])\d{8,10}$/

const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}\d{7,8}$/

/**
 * Removes spaces, hyphens, brackets and a leading +86 / 0086, converting full-width digits.
 * A landline written internationally gets its trunk 0 back so it reads as dialled at home.
 */
export function normalisePhone(s: string): string {
  const compact = s.trim().replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(SEPARATORS, '')
  const plus = compact.replace(/^＋/, '+')
  if (!INTERNATIONAL_PREFIX.test(plus)) return plus
  const national = plus.replace(INTERNATIONAL_PREFIX, '')
  return LANDLINE_WITHOUT_TRUNK.test(national) ? `0${national}` : national
}

/** True for an 11-digit mainland mobile number (raw input is normalised first). */
export function isMobile(s: string): boolean {
  return MOBILE.test(normalisePhone(s))
}

/**
 * True for a landline: area code of 3–4 digits starting with 0, then a 7–8 digit number
 * (raw input such as `010-65123456` is normalised first). Without the hyphen the boundary between
 * area code and number is ambiguous, so only the overall length of 10–12 digits is checked.
 */
export function isLandline(s: string): boolean {
  return LANDLINE.test(normalisePhone(s))
}
