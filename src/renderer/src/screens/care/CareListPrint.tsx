import type { CareList } from '../../../../shared/contract/care-export'
import { careListTable, type CareListRows } from '../../../../shared/format/care-lists'
import { PrintFrame } from '../../components/PrintFrame'
import { useLocale, useT } from '../../i18n'
import { dateTime, money, nowWallClock } from '../../format'
import { useTimeZone } from '../settlement/use-settlement'

interface Props<L extends CareList> {
  list: L
  /** The rows as the screen shows them (the filter applied). */
  rows: CareListRows[L]
  /** A line under the title: the list's view (open, closed, months without a visit). */
  sub?: string
  onBack(): void
}

/** One care list on paper, with the same columns as its XLSX; Esc goes back, Ctrl+P prints. */
export function CareListPrint<L extends CareList>({ list, rows, sub, onBack }: Props<L>) {
  const t = useT()
  const locale = useLocale()
  const printedAt = dateTime(nowWallClock(useTimeZone()))
  const table = careListTable(list, rows, t)
  return (
    <PrintFrame
      title={t(`careDesk.sheet.${list}`)}
      number={t('care.count', { n: rows.length })}
      sub={sub ? `${sub} · ${t('careDesk.printedAt', { at: printedAt })}` : t('careDesk.printedAt', { at: printedAt })}
      backLabel={t('careDesk.back')}
      onBack={onBack}
    >
      <table className="print-lines care-print">
        <thead>
          <tr>
            {table.header.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((cells, i) => (
            <tr key={i}>
              {cells.map((c, j) => (
                <td key={j} className={typeof c !== 'string' ? 'num' : c.length > 16 ? 'care-print-wrap' : undefined}>
                  {typeof c === 'object' ? money(c.fen, locale) : c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </PrintFrame>
  )
}
