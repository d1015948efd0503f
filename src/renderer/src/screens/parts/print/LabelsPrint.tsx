import { Alert, Empty, Skeleton } from 'antd'
import { useLocale, useT } from '../../../i18n'
import { money } from '../../../format'
import type { PartsView } from '../parts-route'
import { useChannel } from '../use-parts'
import { PrintFrame } from './PrintFrame'
import { Code128 } from './Code128'

type LabelsView = Extract<PartsView, { kind: 'labels' }>

/** Bin and part labels, three across an A4 sheet, each with the part number as Code 128. */
export function LabelsPrint({ view }: { view: LabelsView }) {
  const t = useT()
  const locale = useLocale()
  const input = view.partIds
    ? { partIds: view.partIds }
    : { ...(view.binFrom ? { binFrom: view.binFrom } : {}), ...(view.binTo ? { binTo: view.binTo } : {}) }
  const labels = useChannel('parts.labels', input)
  const back: PartsView = view.partIds?.length === 1 ? { kind: 'part', id: view.partIds[0] ?? 0 } : { kind: 'tab', tab: 'catalogue' }

  return (
    <PrintFrame title={t('pt.labels.title')} back={back} bare>
      {labels.error && <Alert type="error" showIcon title={labels.error} />}
      {!labels.data && !labels.error && <Skeleton active />}
      {labels.data?.length === 0 && <Empty description={t('pt.labels.none')} />}
      <div className="pt-labels">
        {labels.data?.map((l) => (
          <div key={l.partId} className="pt-label" role="group" aria-label={t('pt.labels.one')}>
            <div className="pt-label-head">
              <span className="pt-label-bin mono">{l.bin ?? '—'}</span>
              <span className="pt-label-price">{money(l.priceFen, locale)}</span>
            </div>
            <div className="pt-label-name">{l.name}</div>
            <Code128 widths={l.barcode} label={l.partNumber} />
            <div className="pt-label-number mono">{l.partNumber}</div>
          </div>
        ))}
      </div>
    </PrintFrame>
  )
}
