import { Alert } from 'antd'
import { failureOf, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { PrintFrame } from '../../components/PrintFrame'
import { QrCode } from '../../components/QrCode'
import { navigate } from '../../router'
import { Code128 } from '../parts/print/Code128'
import './warranty.css'

/** 索赔旧件标签: the tag hung on a kept warranty part — QR (claim, VIN, part number, date) and the tag's Code 128. */
export function PartLabelPrint({ id }: { id: number }) {
  const t = useT()
  const query = useApiQuery('warranty.parts.label', { id })
  const l = query.data
  const error = failureOf(query.error)?.message
  return (
    <PrintFrame
      title={t('wty.label.title')}
      bare
      backLabel={t('wty.back')}
      onBack={() => navigate({ name: 'warranty', tab: 'shelf' })}
      ready={!!l || !!error}
      notice={error && <Alert type="error" showIcon title={error} />}
    >
      {l && (
        <div className="wty-label" aria-label={t('wty.label.title')}>
          <div className="wty-label-head">
            <strong>{t('wty.label.title')}</strong>
            <span>{t(`warranty.handling.${l.handling}`)}</span>
          </div>
          <div className="wty-label-body">
            <QrCode text={l.qrText} label={l.qrText} size={110} />
            <dl>
              <dt>{t('wty.label.claim')}</dt>
              <dd className="mono">{l.claimNumber}</dd>
              <dt>VIN</dt>
              <dd className="mono">{l.vin}</dd>
              <dt>{t('wty.shelf.part')}</dt>
              <dd className="mono">
                {l.partNumber ?? '—'} {l.description}
              </dd>
              <dt>{t('wty.label.date')}</dt>
              <dd>{l.keptOn}</dd>
              <dt>{t('wty.shelf.place')}</dt>
              <dd className="mono">{l.place}</dd>
              <dt>{t('wty.label.due')}</dt>
              <dd>{l.dueOn}</dd>
            </dl>
          </div>
          {l.tagBars && <Code128 widths={l.tagBars} label={l.tag} height={32} maxMm={70} />}
          <div className="mono wty-label-tag">{l.tag}</div>
        </div>
      )}
    </PrintFrame>
  )
}
