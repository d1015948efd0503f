// A CSV reader for spreadsheet exports (RFC 4180): quoted fields with doubled quotes and line
// breaks inside, CRLF, LF or CR line ends, and the delimiter guessed from the first lines
// (comma, tab — Excel's "Unicode text" — or semicolon).

const CANDIDATES = [',', '\t', ';'] as const

/** The candidate seen most often outside quotes in the first 8 KB; a comma when none is. */
export function guessDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((d) => [d, 0]))
  let quoted = false
  for (const c of text.slice(0, 8192)) {
    if (c === '"') quoted = !quoted
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1)
  }
  let best: string = ','
  for (const d of CANDIDATES) if (counts.get(d)! > counts.get(best)!) best = d
  return best
}

/** All rows as arrays of raw cell text; the caller decides what is a heading and what is data. */
export function parseCsv(text: string, delimiter = guessDelimiter(text)): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text[i]!
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') (cell += '"'), (i += 2)
        else (quoted = false), i++
      } else (cell += c), i++
      continue
    }
    if (c === '"' && cell === '') (quoted = true), i++
    else if (c === delimiter) row.push(cell), (cell = ''), i++
    else if (c === '\r' || c === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else (cell += c), i++
  }
  if (cell !== '' || row.length > 0) (row.push(cell), rows.push(row))
  return rows
}
