// Normal forms for finding parts the way people type them: full-width characters from a Chinese
// input method become ASCII (NFKC), case is ignored, and dashes, dots and spaces do not matter.

/** The catalogue's `part_key`: uppercase letters and digits only (`06l-115-562` → `06L115562`). */
export function partKeyOf(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/g, '')
}

/** A name as searched: letters (any script) and digits, uppercase, nothing else. */
export function searchKeyOf(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '')
}

/**
 * A name, brand or note as a person or a price list wrote it, only trimmed: full-width
 * punctuation (（朗逸）) is the writer's text and is stored as it came, so importing the same
 * list twice finds every row unchanged. Matching goes through the keys above, never this.
 */
export function cleanText(text: string): string {
  return text.trim()
}

/** A code typed from an input method (part number, bin, supplier code, a query): full-width folded, spaces collapsed. */
export function codeText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim()
}

/**
 * The tokens indexed for a name: every character and every pair of neighbours. Pairs let a
 * two-character Chinese word (机油) be found without a scan; single characters serve one-key
 * searches. Whether the whole query is contiguous is checked afterwards against the key.
 */
export function gramsOf(key: string): string {
  const chars = Array.from(key)
  const grams = new Set<string>(chars)
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!)
  return [...grams].join(' ')
}

/** The FTS5 query for a search key: its pairs, all required (at most eight, spread along it). */
export function gramQuery(key: string): string | null {
  const chars = Array.from(key)
  if (chars.length === 0) return null
  if (chars.length === 1) return `"${chars[0]}"`
  const pairs = new Set<string>()
  const count = chars.length - 1
  const step = Math.max(1, Math.floor(count / 8))
  for (let i = 0; i < count && pairs.size < 8; i += step) pairs.add(chars[i]! + chars[i + 1]!)
  pairs.add(chars[count - 1]! + chars[count]!)
  return [...pairs].map((p) => `"${p}"`).join(' AND ')
}
