import iconv from 'iconv-lite'

// Price lists arrive as Excel "CSV (UTF-8)" with a BOM, as plain UTF-8, as Excel's default
// Chinese CSV (GBK, which GB18030 contains), or as Excel "Unicode text" (UTF-16 with a BOM).

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be'

export function decodeText(bytes: Uint8Array, wanted: 'auto' | 'utf-8' | 'gb18030'): { text: string; encoding: TextEncoding } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: b.subarray(3).toString('utf8'), encoding: 'utf-8' }
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' }
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' }
  if (wanted === 'gb18030') return { text: iconv.decode(b, 'gb18030'), encoding: 'gb18030' }
  if (wanted === 'utf-8') return { text: b.toString('utf8'), encoding: 'utf-8' }
  // Valid UTF-8 is almost never valid-looking GBK by accident and vice versa: try strict UTF-8 first.
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' }
  } catch {
    return { text: iconv.decode(b, 'gb18030'), encoding: 'gb18030' }
  }
}
