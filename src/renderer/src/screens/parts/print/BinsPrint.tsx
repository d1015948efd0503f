import { Alert, Skeleton } from 'antd'
import { useT } from '../../../i18n'
import { dateTime, nowWallClock } from '../../../format'
import { useChannel, useTimeZone } from '../use-parts'
import { qty } from '../parts-format'
import { PrintFrame, SignLines } from './PrintFrame'

/** 空货位表 for the board: today's empty bins in walking order. */
export function BinsPrint() {
  const t = useT()
  const loaded = useChannel('stock.emptyBins', { limit: 2000 })
  const printedAt = dateTime(nowWallClock(useTimeZone()))
  if (loaded.error) return <Alert type="error" showIcon title={loaded.error} />
  if (!loaded.data) return <Skeleton active />
  return (
    <PrintFrame title={t('pt.bins.printTitle')} number={printedAt} sub={t('pt.bins.hint', { n: loaded.data.length })} back={{ kind: 'tab', tab: 'bins' }}>
      <table className="print-lines">
        <thead>
          <tr>
            <th>{t('field.bin')}</th>
            <th>{t('field.partNumber')}</th>
            <th>{t('field.name')}</th>
            <th className="num">{t('pt.bins.wanted')}</th>
            <th>{t('pt.lastIssue')}</th>
            <th className="pt-print-box">{t('pt.print.action')}</th>
          </tr>
        </thead>
        <tbody>
          {loaded.data.map((r) => (
            <tr key={r.partId}>
              <td className="mono pt-strong">{r.bin}</td>
              <td className="mono">{r.partNumber}</td>
              <td>{r.name}</td>
              <td className="num">{r.reservedMilli > 0 ? qty(r.reservedMilli) : ''}</td>
              <td>{dateTime(r.lastIssueAt)}</td>
              <td className="pt-print-box" />
            </tr>
          ))}
        </tbody>
      </table>
      <SignLines names={[t('pt.print.clerk'), t('print.date')]} />
    </PrintFrame>
  )
}
