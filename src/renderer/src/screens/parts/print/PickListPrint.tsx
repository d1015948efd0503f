import { Alert, Skeleton } from 'antd'
import { useT } from '../../../i18n'
import { dateTime, nowWallClock } from '../../../format'
import { useChannel, useTimeZone } from '../use-parts'
import { roStateText } from '../counter/RoStateTag'
import { qty } from '../parts-format'
import { PrintFrame, SignLines } from './PrintFrame'

/** 拣货单 on A4: the order's parts in bin order, with a box to tick and the quantity handed over. */
export function PickListPrint({ roId }: { roId: number }) {
  const t = useT()
  const loaded = useChannel('parts.pickList', { roId })
  const pick = loaded.data
  const printedAt = dateTime(nowWallClock(useTimeZone()))
  if (loaded.error) return <Alert type="error" showIcon title={loaded.error} />
  if (!pick) return <Skeleton active />
  const lines = pick.lines.filter((l) => l.requestedMilli > 0 || l.issuedMilli > 0)

  return (
    <PrintFrame title={t('pt.pick.printTitle')} number={pick.ro.number} sub={roStateText(t, pick.ro.state)} back={{ kind: 'pick', roId }}>
      <table className="print-grid">
        <tbody>
          <tr>
            <th>{t('field.plate')}</th>
            <td>{pick.ro.plate ?? '—'}</td>
            <th>{t('field.model')}</th>
            <td>{pick.ro.model}</td>
          </tr>
          <tr>
            <th>{t('field.customer')}</th>
            <td>{pick.ro.customerName}</td>
            <th>{t('pt.print.printedAt')}</th>
            <td>{printedAt}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t('pt.pick.lines')}</h2>
      <table className="print-lines">
        <thead>
          <tr>
            <th>{t('field.bin')}</th>
            <th>{t('field.partNumber')}</th>
            <th>{t('field.name')}</th>
            <th>{t('field.unit')}</th>
            <th className="num">{t('pt.pick.requested')}</th>
            <th className="num">{t('pt.pick.issued')}</th>
            <th className="num">{t('pt.pick.outstanding')}</th>
            <th>{t('pt.pick.status')}</th>
            <th className="pt-print-box">{t('pt.print.picked')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.partId}>
              <td className="mono pt-strong">{l.bin ?? '—'}</td>
              <td className="mono">{l.partNumber}</td>
              <td>{l.name}</td>
              <td>{l.unit}</td>
              <td className="num">{qty(l.requestedMilli)}</td>
              <td className="num">{qty(l.issuedMilli)}</td>
              <td className="num pt-strong">{qty(l.outstandingMilli)}</td>
              <td>{l.outcome ? t(`shortage.${l.outcome}`) : ''}</td>
              <td className="pt-print-box" />
            </tr>
          ))}
        </tbody>
      </table>
      <SignLines names={[t('pt.print.clerk'), t('pt.print.receiver'), t('print.date')]} />
    </PrintFrame>
  )
}
