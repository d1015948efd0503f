import { Alert } from 'antd'
import { failureOf, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { dateOnly, milliToDecimal } from '../../format'
import { PrintFrame } from '../../components/PrintFrame'
import { navigate } from '../../router'
import './warranty.css'

/** 回运装箱单: the packing list that goes in the box of a return shipment to the maker (A4). */
export function PackingListPrint({ id }: { id: number }) {
  const t = useT()
  const query = useApiQuery('warranty.shipments.get', { id })
  const s = query.data
  const error = failureOf(query.error)?.message
  return (
    <PrintFrame
      title={t('wty.packing.title')}
      dealer={s?.dealer.name}
      number={s?.number}
      sub={s ? `${t(`warranty.shipmentState.${s.state}`)} · ${dateOnly(s.createdAt)}` : undefined}
      backLabel={t('wty.back')}
      onBack={() => navigate({ name: 'warranty', tab: 'shipments' })}
      ready={!!s || !!error}
      notice={error && <Alert type="error" showIcon title={error} />}
    >
      {s && (
        <div className="wty-print">
          <table className="print-grid">
            <tbody>
              <tr>
                <th>{t('wty.print.code')}</th>
                <td className="mono">{s.dealer.code}</td>
                <th>{t('wty.ship.carrier')}</th>
                <td>{s.carrier || '—'}</td>
              </tr>
              <tr>
                <th>{t('wty.ship.waybill')}</th>
                <td className="mono">{s.waybill || '—'}</td>
                <th>{t('wty.ship.receiptRef')}</th>
                <td className="mono">{s.receiptRef || '—'}</td>
              </tr>
            </tbody>
          </table>
          <table className="print-lines">
            <thead>
              <tr>
                <th className="num">{t('wty.packing.no')}</th>
                <th>{t('wty.shelf.tag')}</th>
                <th>{t('wty.shelf.claim')}</th>
                <th>{t('wty.packing.vin')}</th>
                <th>{t('wty.shelf.part')}</th>
                <th className="num">{t('wty.packing.qty')}</th>
              </tr>
            </thead>
            <tbody>
              {s.lines.map((l, i) => (
                <tr key={l.id}>
                  <td className="num">{i + 1}</td>
                  <td className="mono">{l.tag}</td>
                  <td className="mono">{l.claim?.number ?? '—'}</td>
                  <td className="mono">{l.vin}</td>
                  <td>
                    <span className="mono">{l.partNumber ?? ''}</span> {l.description}
                  </td>
                  <td className="num">{milliToDecimal(l.quantityMilli)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="wty-totals">{t('wty.packing.total', { count: s.lines.length })}</p>
          {s.note && <p>{s.note}</p>}
          <div className="print-signatures">
            {[t('wty.packing.sender'), t('wty.packing.receiver')].map((name) => (
              <div key={name}>
                <div className="print-sign-line">{name}</div>
              </div>
            ))}
          </div>
        </div>
      )}
    </PrintFrame>
  )
}
