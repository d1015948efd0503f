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
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  const endRow = () => {
    endCell()
    rows.push(row)
    row = []
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c !== '"') cell += c
      else if (text[i + 1] === '"') {
        cell += '"'
        i++
      } else quoted = false
    } else if (c === '"' && cell === '') quoted = true
    else if (c === delimiter) endCell()
    else if (c === '\n') endRow()
    else if (c === '\r') {
      endRow()
      if (text[i + 1] === '\n') i++
    } else cell += c
  }
  if (cell !== '' || row.length > 0) endRow()
  return rows
}
