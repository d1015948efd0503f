import { Alert } from 'antd'
import { failureOf, useApiQuery } from '../../../api/query-client'
import { useLocale, useT } from '../../../i18n'
import { dateTime, money } from '../../../format'
import { PrintFrame } from '../../../components/PrintFrame'
import { navigate } from '../../../router'
import '../warranty.css'

/** 超权限申报单 / 质量信息反馈单: one entry of the registers on one A4 page for the maker or the file. */
export function RegisterPrint({ id }: { id: number }) {
  const t = useT()
  const locale = useLocale()
  const query = useApiQuery('warranty.register.get', { id })
  const d = query.data
  const error = failureOf(query.error)?.message
  const rows: [string, string][] = d
    ? [
        [t('wtyReg.col.ro'), d.roNumber ?? '—'],
        [t('wtyReg.col.vin'), d.vin],
        [t('wtyReg.col.plate'), d.plate ?? '—'],
        [t('wtyReg.col.model'), `${d.make} ${d.model}`],
        [t('wtyReg.col.customer'), d.customerName],
        ...(d.kind === 'over_authority'
          ? ([
              [t('wtyReg.col.claim'), d.claimNumber ?? '—'],
              [t('wtyReg.col.requested'), money(d.requestedFen ?? 0, locale)],
              [t('wtyReg.col.approved'), d.approvedFen === null ? '—' : money(d.approvedFen, locale)],
            ] as [string, string][])
          : ([
              [t('wtyReg.col.severity'), d.severity ? t(`wtyReg.severity.${d.severity}`) : '—'],
              [t('wtyReg.col.occurrences'), String(d.occurrences ?? '—')],
            ] as [string, string][])),
        [t('wtyReg.col.makerRef'), d.makerRef || '—'],
        [t('wtyReg.col.submittedAt'), d.submittedAt ? dateTime(d.submittedAt) : '—'],
      ]
    : []
  return (
    <PrintFrame
      title={d ? t(`wtyReg.print.title.${d.kind}`) : t('wtyReg.title')}
      number={d?.number}
      sub={d ? t(`wtyReg.state.${d.state}`) : undefined}
      backLabel={t('wty.back')}
      onBack={() => navigate({ name: 'warranty', tab: 'registers' })}
      ready={!!d}
      notice={error && <Alert type="error" showIcon title={error} />}
    >
      {d && (
        <div className="wty-print">
          <table className="print-grid">
            <tbody>
              {Array.from({ length: Math.ceil(rows.length / 2) }, (_, i) => (
                <tr key={i}>
                  <th>{rows[2 * i]![0]}</th>
                  <td className="mono">{rows[2 * i]![1]}</td>
                  <th>{rows[2 * i + 1]?.[0] ?? ''}</th>
                  <td className="mono">{rows[2 * i + 1]?.[1] ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="print-grid wty-print-text">
            <tbody>
              <tr>
                <th>{t('wtyReg.col.part')}</th>
                <td>{d.partText || '—'}</td>
              </tr>
              <tr>
                <th>{t('wtyReg.col.failure')}</th>
                <td>{d.failure || '—'}</td>
              </tr>
              <tr>
                <th>{t(d.kind === 'over_authority' ? 'wtyReg.col.reasonForRequest' : 'wtyReg.col.note')}</th>
                <td>{d.note || '—'}</td>
              </tr>
            </tbody>
          </table>
          <table className="print-lines">
            <thead>
              <tr>
                <th>{t('wtyReg.print.at')}</th>
                <th>{t('wtyReg.print.move')}</th>
                <th>{t('wtyReg.print.by')}</th>
                <th>{t('wtyReg.ui.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {d.log.map((l, i) => (
                <tr key={i}>
                  <td>{dateTime(l.at)}</td>
                  <td>{`${l.fromState ? `${t(`wtyReg.state.${l.fromState}`)} → ` : ''}${t(`wtyReg.state.${l.toState}`)}`}</td>
                  <td>{l.user}</td>
                  <td>{l.reason || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="print-grid wty-print-sign">
            <tbody>
              <tr>
                <th>{t('wtyReg.print.clerk')}</th>
                <td>{d.createdBy}</td>
                <th>{t('wtyReg.print.manager')}</th>
                <td />
                <th>{t('wtyReg.print.date')}</th>
                <td />
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </PrintFrame>
  )
}
