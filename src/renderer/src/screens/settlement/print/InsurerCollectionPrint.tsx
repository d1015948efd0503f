import { Alert } from 'antd'
import { AGEING_BUCKETS } from '../../../../../shared/domain/settlement'
import { failureOf, useApiQuery } from '../../../api/query-client'
import { useLocale, useT } from '../../../i18n'
import { dateOnly, money } from '../../../format'
import { PrintFrame } from '../../../components/PrintFrame'
import { navigate } from '../../../router'
import { ageingRows, collectionRows } from '../insurers/collection-model'
import '../insurers/insurers.css'

/** 保险公司月末回款清单: the ageing per insurer and the invoices due by the month's end, on paper. */
export function InsurerCollectionPrint({ asOf }: { asOf?: string }) {
  const t = useT()
  const locale = useLocale()
  const q = useApiQuery('insurance.receivables', asOf ? { asOf } : {})
  const data = q.data
  const m = (fen: number) => money(fen, locale)
  return (
    <PrintFrame
      title={t('insr.printTitle')}
      number={data?.asOf}
      sub={data ? t('insr.listTitle', { monthEnd: data.monthEnd }) : undefined}
      backLabel={t('insr.back')}
      onBack={() => navigate({ name: 'settlement', tab: 'insurers' })}
      ready={!!data}
      notice={q.error && <Alert type="error" showIcon title={failureOf(q.error)?.message ?? ''} />}
    >
      {data && (
        <>
          <h3>{t('insr.ageingTitle')}</h3>
          <table className="print-lines">
            <thead>
              <tr>
                <th>{t('insv.insurer')}</th>
                <th className="num">{t('insr.col.count')}</th>
                <th className="num">{t('insr.col.thisMonth')}</th>
                {AGEING_BUCKETS.map((b) => (
                  <th key={b} className="num">
                    {t(`ageing.${b}`)}
                  </th>
                ))}
                <th className="num">{t('insr.col.overdue')}</th>
                <th className="num">{t('insr.col.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {ageingRows(data).map((r) => (
                <tr key={r.insurer || 'total'}>
                  <td className="insr-nowrap">{r.insurer || t('stl.total')}</td>
                  <td className="num">{r.count}</td>
                  <td className="num">{m(r.thisMonthFen)}</td>
                  {AGEING_BUCKETS.map((b) => (
                    <td key={b} className="num">
                      {m(r.buckets[b])}
                    </td>
                  ))}
                  <td className="num">{m(r.overdueFen)}</td>
                  <td className="num">{m(r.balanceFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('insr.listTitle', { monthEnd: data.monthEnd })}</h3>
          <table className="print-lines">
            <thead>
              <tr>
                <th>{t('insv.insurer')}</th>
                <th>{t('insv.reportNo')}</th>
                <th>{t('insr.col.ro')}</th>
                <th>{t('insr.col.customer')}</th>
                <th>{t('insr.col.issued')}</th>
                <th className="num">{t('insr.col.gross')}</th>
                <th className="num">{t('insr.col.paid')}</th>
                <th className="num">{t('insr.col.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {collectionRows(data, false).map((r) => (
                <tr key={r.invoiceId}>
                  <td className="insr-nowrap">{r.insurer}</td>
                  <td className="mono">{r.claimNo}</td>
                  <td className="mono">{r.roNumber}</td>
                  <td>{r.customerName}</td>
                  <td className="insr-nowrap">{dateOnly(r.issuedAt)}</td>
                  <td className="num">{m(r.grossFen)}</td>
                  <td className="num">{m(r.paidFen)}</td>
                  <td className="num">{m(r.balanceFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </PrintFrame>
  )
}
