import { Alert, Skeleton } from 'antd'
import { useRo, useRoDraft } from '../../../stores/ro-store'
import { useLocale, useT } from '../../../i18n'
import { PrintFrame } from '../../../components/PrintFrame'
import { navigate } from '../../../router'
import { dateTime, km } from '../../../format'
import { areaLabel } from '../../check-in/findings'
import { PrintLines } from './PrintLines'
import { PrintSignatures } from '../../../components/PrintSignatures'

/**
 * 任务委托书 laid out for A4: what the customer reads and signs. Only saved data is printed,
 * so the paper always matches the record.
 */
export function PrintView({ id }: { id: number }) {
  const t = useT()
  const locale = useLocale()
  // Unsaved lines print as typed (marked as a draft); otherwise the saved order.
  const { ro } = useRo(id)
  const dirty = useRoDraft((s) => s.dirty)

  if (!ro || ro.id !== id) return <Skeleton active />
  const { customer, vehicle } = ro
  const current = ro.authorisations.find((a) => !a.supersededAt) ?? null

  return (
    <PrintFrame
      title={t('print.title')}
      number={ro.number}
      sub={`${t(`roType.${ro.type}`)} · ${t(`roState.${ro.state}`)}`}
      backLabel={t('print.back')}
      onBack={() => navigate({ name: 'ro', id })}
      notice={dirty && <Alert type="warning" showIcon title={t('print.unsaved')} />}
    >
      <table className="print-grid">
        <tbody>
          <tr>
            <th>{t('field.customer')}</th>
            <td>{customer.name}</td>
            <th>{t('field.mobile')}</th>
            <td>{customer.mobile ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('field.plate')}</th>
            <td>{vehicle.plate ?? '—'}</td>
            <th>{t('field.vin')}</th>
            <td className="mono">{vehicle.vin}</td>
          </tr>
          <tr>
            <th>{t('field.model')}</th>
            <td>
              {vehicle.make} {vehicle.model}
            </td>
            <th>{t('field.odometerKm')}</th>
            <td>{km(ro.odometerKm, locale)}</td>
          </tr>
          <tr>
            <th>{t('field.openedAt')}</th>
            <td>{dateTime(ro.openedAt)}</td>
            <th>{t('field.promisedAt')}</th>
            <td>{dateTime(ro.promisedAt)}</td>
          </tr>
          <tr>
            <th>{t('field.advisorId')}</th>
            <td>{ro.advisor.name}</td>
            <th>{t('field.fuelEighths')}</th>
            <td>
              {t('checkIn.fuelValue', { n: ro.fuelEighths })} · {t('common.labelValue', { label: t('field.returnOldParts'), value: ro.returnOldParts ? t('common.yes') : t('common.no') })}
            </td>
          </tr>
        </tbody>
      </table>
      <section>
        <h2>{t('field.concerns')}</h2>
        <p className="pre-wrap">{ro.concerns}</p>
      </section>
      <section>
        <h2>{t('checkIn.findings')}</h2>
        {ro.findings.length === 0 ? (
          <p>{t('checkIn.noFindings')}</p>
        ) : (
          <ul className="print-findings">
            {ro.findings.map((f, i) => (
              <li key={i}>
                {t('common.labelValue', { label: t(`walk.kind.${f.kind}`), value: areaLabel(t, f.kind, f.area) })}
                {f.note ? ` — ${f.note}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <PrintLines ro={ro} />
      <section className="print-authorisation">
        <h2>{t('authz.title')}</h2>
        {current ? (
          <p>
            {t('authz.authorisedBy', { by: current.authorisedBy, method: `authz.method.${current.method}`, at: dateTime(current.at) })}
            {current.note ? ` — ${current.note}` : ''}
          </p>
        ) : (
          <p>{t('authz.pending')}</p>
        )}
        <p className="print-small">{t('print.terms')}</p>
        <PrintSignatures
          spots={[
            {
              label: t('print.customerSignature'),
              above: current?.signaturePng && <img src={current.signaturePng} alt={t('authz.signatureOf', { by: current.authorisedBy })} />,
            },
            { label: t('print.advisorSignature', { name: ro.advisor.name }) },
            { label: t('print.date') },
          ]}
        />
      </section>
    </PrintFrame>
  )
}
