import { Alert } from 'antd'
import { failureOf, useApiQuery } from '../../api/query-client'
import { useLocale, useT } from '../../i18n'
import { dateOnly, km, milliToDecimal, money } from '../../format'
import { PrintFrame } from '../../components/PrintFrame'
import { navigate } from '../../router'
import { fileSize } from '../../../../shared/format/numbers'
import './warranty.css'

/** 保修索赔单: the claim form the clerk files with the maker's portal (A4). */
export function ClaimPrint({ id }: { id: number }) {
  const t = useT()
  const locale = useLocale()
  const query = useApiQuery('warranty.claim.get', { id })
  const files = useApiQuery('attachments.list', { ownerKind: 'warranty_claim', ownerId: id })
  const c = query.data
  const error = failureOf(query.error)?.message
  return (
    <PrintFrame
      title={t('wty.print.title')}
      dealer={c?.dealer.name}
      number={c?.number}
      sub={c ? `${t(`warranty.claimType.${c.claimType}`)} · ${t(`warranty.state.${c.state}`)}` : undefined}
      backLabel={t('wty.back')}
      onBack={() => navigate({ name: 'warrantyClaim', id })}
      ready={!!c}
      notice={error && <Alert type="error" showIcon title={error} />}
    >
      {c && (
        <div className="wty-print">
          <table className="print-grid">
            <tbody>
              <tr>
                <th>{t('field.roNumber')}</th>
                <td className="mono">{c.ro.number}</td>
                <th>{t('field.vin')}</th>
                <td className="mono">{c.vehicle.vin}</td>
              </tr>
              <tr>
                <th>{t('field.plate')}</th>
                <td>{c.vehicle.plate ?? '—'}</td>
                <th>{t('field.model')}</th>
                <td>{`${c.vehicle.make} ${c.vehicle.model}`}</td>
              </tr>
              <tr>
                <th>{t('field.customer')}</th>
                <td>{c.customerName}</td>
                <th>{t('wty.editor.mileage')}</th>
                <td>{km(c.mileageKm, locale)}</td>
              </tr>
              <tr>
                <th>{t('wty.editor.causalPart')}</th>
                <td className="mono">{c.causalPart ? `${c.causalPart.partNumber} ${c.causalPart.name}` : '—'}</td>
                <th>{t('wty.editor.failureCode')}</th>
                <td className="mono">{c.failureCode || '—'}</td>
              </tr>
              <tr>
                <th>{t('wty.col.completed')}</th>
                <td>{dateOnly(c.ro.completedAt)}</td>
                <th>{t('wty.print.dealer')}</th>
                <td>{c.dealer.code}</td>
              </tr>
            </tbody>
          </table>
          <table className="print-grid wty-print-text">
            <tbody>
              {(['concern', 'cause', 'correction'] as const).map((f) => (
                <tr key={f}>
                  <th>{t(`warranty.field.${f}`)}</th>
                  <td>{c[f] || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="print-lines">
            <thead>
              <tr>
                <th>{t('wty.print.code')}</th>
                <th>{t('wty.editor.description')}</th>
                <th>{t('wty.editor.quantity')}</th>
                <th>{t('wty.editor.rate')}</th>
                <th>{t('wty.editor.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {c.labour.map((l, i) => (
                <tr key={`l${i}`}>
                  <td className="mono">{l.opCode}</td>
                  <td>{l.description}</td>
                  <td>{milliToDecimal(l.hoursMilli)}</td>
                  <td>{money(l.rateFen, locale)}</td>
                  <td>{money(l.amountFen, locale)}</td>
                </tr>
              ))}
              {c.parts.map((p, i) => (
                <tr key={`p${i}`}>
                  <td className="mono">{p.partNumber ?? ''}</td>
                  <td>{p.description}</td>
                  <td>{milliToDecimal(p.quantityMilli)}</td>
                  <td>{money(p.unitPriceFen, locale)}</td>
                  <td>{money(p.amountFen, locale)}</td>
                </tr>
              ))}
              {c.expenses.map((e, i) => (
                <tr key={`e${i}`}>
                  <td />
                  <td>{e.description}</td>
                  <td />
                  <td />
                  <td>{money(e.amountFen, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="wty-totals">
            {t('wty.editor.totals', { labour: money(c.labourFen, locale), parts: money(c.partsFen, locale), other: money(c.otherFen, locale), total: money(c.totalFen, locale) })}
          </p>
          {(files.data ?? []).length > 0 && (
            <table className="print-lines">
              <thead>
                <tr>
                  <th colSpan={3}>{t('wty.package.attachments')}</th>
                </tr>
              </thead>
              <tbody>
                {(files.data ?? []).map((f, i) => (
                  <tr key={f.id}>
                    <td>{i + 1}</td>
                    <td>{f.fileName}</td>
                    <td>{f.missing ? t('attachments.missing') : fileSize(f.sizeBytes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="print-signatures">
            {[t('wty.print.signature'), t('wty.print.dealer')].map((name) => (
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
