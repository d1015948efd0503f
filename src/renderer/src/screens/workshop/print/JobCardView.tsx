import { Alert, Skeleton } from 'antd'
import { useLocale, useT } from '../../../i18n'
import { dateTime, km, milliToDecimal } from '../../../format'
import { PrintFrame } from '../../../components/PrintFrame'
import { navigate } from '../../../router'
import { useWorkshopRo } from '../../../stores/workshop-store'
import '../workshop.css'
import { checklistLabel } from '../checklist-label'
import { PrintSignatures } from '../../../components/PrintSignatures'

/**
 * 派工单 for the technician, A4: the car, the concern, each job with room to write start, finish
 * and signature, the parts to fit, approved additional work and the inspection checklist.
 */
export function JobCardView({ id }: { id: number }) {
  const t = useT()
  const locale = useLocale()
  const { ro, error } = useWorkshopRo(id)

  if (error && !ro) return <Alert type="error" showIcon title={error} />
  if (!ro || ro.roId !== id) return <Skeleton active />
  const jobs = ro.jobs.filter((j) => j.state !== 'proposed' && j.state !== 'declined')
  const approved = ro.additional.filter((a) => a.state === 'approved')

  return (
    <PrintFrame
      title={t('wk.jobCard.title')}
      number={ro.number}
      sub={`${t(`roType.${ro.type}`)} · ${t(`roState.${ro.roState}`)}`}
      backLabel={t('wk.jobCard.back')}
      onBack={() => navigate({ name: 'workshopRo', id })}
    >
      <table className="print-grid">
        <tbody>
          <tr>
            <th>{t('field.plate')}</th>
            <td className="ws-print-plate">{ro.plate ?? '—'}</td>
            <th>{t('field.vin')}</th>
            <td className="mono">{ro.vin}</td>
          </tr>
          <tr>
            <th>{t('field.model')}</th>
            <td>
              {ro.make} {ro.model} {ro.colour ?? ''}
            </td>
            <th>{t('field.odometerKm')}</th>
            <td>
              {km(ro.odometerKm, locale)} · {t('field.fuelEighths')} {t('checkIn.fuelValue', { n: ro.fuelEighths })}
            </td>
          </tr>
          <tr>
            <th>{t('field.customer')}</th>
            <td>{ro.customerName}</td>
            <th>{t('field.advisorId')}</th>
            <td>{ro.advisorName}</td>
          </tr>
          <tr>
            <th>{t('field.openedAt')}</th>
            <td>{dateTime(ro.openedAt)}</td>
            <th>{t('field.promisedAt')}</th>
            <td>
              <strong>{dateTime(ro.promisedAt)}</strong> · {t('common.labelValue', { label: t('field.returnOldParts'), value: ro.returnOldParts ? t('common.yes') : t('common.no') })}
            </td>
          </tr>
        </tbody>
      </table>
      <section>
        <h2>{t('field.concerns')}</h2>
        <p className="pre-wrap">{ro.concerns}</p>
      </section>
      <section>
        <h2>{t('wk.jobCard.jobs')}</h2>
        <table className="print-lines ws-print-jobs">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('wk.job.title')}</th>
              <th className="num">{t('wk.job.sold')}</th>
              <th>{t('field.technicianId')}</th>
              <th>{t('field.bayId')}</th>
              <th>{t('wk.jobCard.start')}</th>
              <th>{t('wk.jobCard.finish')}</th>
              <th>{t('wk.jobCard.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((j, i) => (
              <tr key={j.id ?? `line-${j.lineId}`}>
                <td>{i + 1}</td>
                <td>
                  {j.description}
                  {j.additional ? ` (${t('wk.job.additional')})` : ''}
                  {j.reworkCount > 0 ? ` (${t('wk.job.reworkCount', { n: j.reworkCount })})` : ''}
                </td>
                <td className="num">{milliToDecimal(j.soldHoursMilli)}</td>
                <td>{j.technicianName ?? ''}</td>
                <td>{j.bayCode ?? ''}</td>
                <td>{j.segments[0] ? dateTime(j.segments[0].startedAt) : ''}</td>
                <td>{j.state === 'done' ? dateTime(j.segments.at(-1)?.endedAt) : ''}</td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>{t('wk.jobCard.parts')}</h2>
        {ro.parts.length === 0 ? (
          <p>{t('wk.jobCard.noParts')}</p>
        ) : (
          <table className="print-lines">
            <thead>
              <tr>
                <th>{t('field.partNumber')}</th>
                <th>{t('field.description')}</th>
                <th className="num">{t('estimate.quantity')}</th>
                <th>{t('wk.jobCard.picked')}</th>
              </tr>
            </thead>
            <tbody>
              {ro.parts.map((p, i) => (
                <tr key={i}>
                  <td className="mono">{p.partNumber ?? ''}</td>
                  <td>{p.description}</td>
                  <td className="num">{milliToDecimal(p.quantityMilli)}</td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {approved.length > 0 && (
        <section>
          <h2>{t('wk.additional.title')}</h2>
          <ul className="print-findings">
            {approved.map((a) => (
              <li key={a.id}>
                {a.finding} — {t('wk.additional.decision', { by: a.decidedBy ?? '', method: a.decisionMethod ? `decisionMethod.${a.decisionMethod}` : '', at: dateTime(a.decidedAt), recorder: a.recordedBy ?? '' })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="ws-print-qc">
        <h2>{t('wk.jobCard.checklist')}</h2>
        <table className="print-lines">
          <tbody>
            {ro.checklist.map((item) => (
              <tr key={item.id}>
                <td>{checklistLabel(t, item.label)}</td>
                <td className="ws-print-box">□ {t('wk.jobCard.ok')}{'\u3000'}□ {t('wk.jobCard.notOk')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <PrintSignatures
          className="ws-print-signatures"
          spots={[{ label: t('wk.jobCard.technician') }, { label: t('wk.jobCard.supervisor') }, { label: t('wk.jobCard.inspector') }, { label: t('print.date') }]}
        />
      </section>
    </PrintFrame>
  )
}
