// Rates and ratios as people read them, the same on every screen, print and report: one place,
// on Intl.NumberFormat. Figures are stored as integers (basis points, hundredths, thousandths);
// these turn them into text and never round in binary floating point on the way.

const formatters = new Map<string, Intl.NumberFormat>()

function formatter(maxDigits: number, minDigits: number): Intl.NumberFormat {
  const key = `${maxDigits}/${minDigits}`
  let f = formatters.get(key)
  if (!f) {
    // Digits and signs are the same in both UI languages; grouping stays off so a figure reads the
    // same in a table cell, an alert and a spreadsheet.
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDigits, minimumFractionDigits: minDigits, useGrouping: false })
    formatters.set(key, f)
  }
  return f
}

/** `value / 10^scale` written out exactly (integers only), then rounded half away from zero. */
function scaled(value: number, scale: number, maxDigits: number, minDigits: number): string {
  if (!Number.isInteger(value)) throw new RangeError(`not an integer figure: ${value}`)
  const drop = scale - maxDigits
  let digits = value
  let places = scale
  if (drop > 0) {
    const unit = 10 ** drop
    digits = Math.sign(value) * Math.round(Math.abs(value) / unit)
    places = maxDigits
  }
  // Dividing an exact integer by a power of ten is correctly rounded for the digits kept.
  const text = formatter(maxDigits, minDigits).format(digits / 10 ** places)
  return text === '-0' ? '0' : text
}

export interface PercentOptions {
  /** Most decimals shown (default 2: 9850 bp → "98.5%"). */
  digits?: 0 | 1 | 2
  /** Keep trailing zeros to `digits` (a column of figures lines up): 30 bp → "0.30%". */
  fixed?: boolean
}

/** Basis points as a percentage: 9850 → "98.5%", -30 → "-0.3%", null → "—". */
export function percentFromBp(bp: number | null | undefined, options: PercentOptions = {}): string {
  if (bp === null || bp === undefined) return '—'
  const digits = options.digits ?? 2
  return `${scaled(bp, 2, digits, options.fixed ? digits : 0)}%`
}

/** Hundredths as a decimal: 450 → "4.5", -1250 → "-12.5", null → "—". */
export function decimalFromCenti(centi: number | null | undefined, options: { digits?: 0 | 1 | 2; fixed?: boolean } = {}): string {
  if (centi === null || centi === undefined) return '—'
  const digits = options.digits ?? 2
  return scaled(centi, 2, digits, options.fixed ? digits : 0)
}

/** Thousandths as a decimal without trailing zeros: 1500 → "1.5", -250 → "-0.25", 2000 → "2". */
export function decimalFromMilli(milli: number): string {
  return scaled(milli, 3, 3, 0)
}

/** Tenths as a decimal without a trailing zero (CSI points): 9525 → "952.5", 9500 → "950", null → "—". */
export function decimalFromTenths(tenths: number | null | undefined): string {
  if (tenths === null || tenths === undefined) return '—'
  return scaled(tenths, 1, 1, 0)
}

/** A file's size: 1,572,864 → "1.5 MB", 2,300 → "3 KB" (KB rounded up so a small file never reads 0). */
export function fileSize(bytes: number): string {
  return bytes >= 1_048_576 ? `${(Math.round((bytes * 10) / 1_048_576) / 10).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`
}

/** Fen as the catalog messages show them: `1234.50`. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const m = Math.abs(fen)
  return `${sign}${Math.floor(m / 100)}.${String(m % 100).padStart(2, '0')}`
}

const groupers = new Map<string, Intl.NumberFormat>()

/** A whole number with the locale's digit grouping: 136298 → "136,298". */
export function groupedInteger(value: number, locale: string): string {
  let format = groupers.get(locale)
  // Making a formatter costs far more than using one (a list of 500 rows paid it per cell).
  if (!format) groupers.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })))
  return format.format(value)
}
