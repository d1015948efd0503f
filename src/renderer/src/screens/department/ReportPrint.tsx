import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { reportSheets, type ReportCell, type ReportTable } from '../../../../shared/format/dept-report'
import { decimalFromMilli, decimalFromTenths, percentFromBp } from '../../../../shared/format/numbers'
import { PrintFrame, SignLines } from '../../components/PrintFrame'
import type { Locale } from '../../../../shared/i18n'
import { useLocale, useT } from '../../i18n'
import { dateTime, money } from '../../format'

type Report = OutputOf<Contract['department.report.get']>

// The tables of the workbook that fit one A4 page: the department's measures, campaigns,
// training counts, 5S audits, quality incidents, CSI and the hand-in. The per-person split, the
// scorecards, the training sessions and the 5S findings stay in the XLSX.
const OFF_PAPER = ['deptReport.table.people', 'deptReport.table.scorecards', 'deptReport.table.trainingSessions', 'deptReport.table.fivesFindings'] as const

export function cellText(c: ReportCell, locale: Locale): string {
  if (c === null) return '—'
  if (typeof c === 'string') return c === '' ? '—' : c
  if (typeof c === 'number') return String(c)
  if ('fen' in c) return money(c.fen, locale)
  if ('bp' in c) return c.bp === null ? '—' : percentFromBp(c.bp)
  if ('milli' in c) return decimalFromMilli(c.milli)
  return c.tenths === null ? '—' : decimalFromTenths(c.tenths)
}

function PrintTable({ table, locale, none }: { table: ReportTable; locale: Locale; none: string }) {
  return (
    <section className="dept-report-table">
      <h2>{table.title}</h2>
      <table className="print-lines">
        <thead>
          <tr>
            {table.header.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.header.length}>{none}</td>
            </tr>
          ) : (
            table.rows.map((cells, i) => (
              <tr key={i}>
                {cells.map((c, j) => (
                  <td key={j} className={c !== null && typeof c !== 'string' ? 'num' : typeof c === 'string' && c.length > 12 ? undefined : 'dept-report-short'}>
                    {cellText(c, locale)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  )
}

/** The month's department report on one A4 page, from the same tables as its workbook. */
export function ReportPrint({ report, onBack }: { report: Report; onBack(): void }) {
  const t = useT()
  const locale = useLocale()
  const titles = new Set(OFF_PAPER.map((k) => t(k)))
  const tables = reportSheets(report, t).flatMap((s) => s.tables).filter((x) => !titles.has(x.title))
  return (
    <PrintFrame
      title={t('deptReport.title', { month: report.month })}
      number={report.month}
      sub={t('deptReport.generatedAt', { at: dateTime(report.generatedAt) })}
      backLabel={t('deptReport.back')}
      onBack={onBack}
      className="dept-report-page"
    >
      {tables.map((x) => (
        <PrintTable key={x.title} table={x} locale={locale} none={t('deptReport.none')} />
      ))}
      <SignLines className="dept-report-signs" names={[t('role.front_desk_supervisor'), t('role.service_manager')]} />
    </PrintFrame>
  )
}
