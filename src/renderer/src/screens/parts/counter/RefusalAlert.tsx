import { Alert } from 'antd'
import { useT } from '../../../i18n'
import type { StockRefusal } from '../../../stores/parts-counter-store'
import { qty } from '../parts-format'

/** What the counter refused and why; for a shortfall, the part with what is there and what was asked. */
export function RefusalAlert({ refusal, onClose }: { refusal: StockRefusal; onClose(): void }) {
  const t = useT()
  const stock = refusal.availableMilli !== null && refusal.requestedMilli !== null
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="pt-gap pt-refusal"
      title={stock ? t('pt.pick.refusedTitle') : refusal.message}
      description={
        stock ? (
          <div>
            <div className="pt-refusal-message">{refusal.message}</div>
            <div className="pt-refusal-figures">
              <span>
                {t('field.partNumber')} <b className="mono">{refusal.partNumber}</b>
              </span>
              <span>
                {t('pt.pick.availableNow')} <b>{refusal.availableMilli === undefined || refusal.availableMilli === null ? '—' : qty(refusal.availableMilli)}</b>
              </span>
              <span>
                {t('pt.pick.askedFor')} <b>{refusal.requestedMilli === undefined || refusal.requestedMilli === null ? '—' : qty(refusal.requestedMilli)}</b>
              </span>
            </div>
          </div>
        ) : undefined
      }
      closable={{ onClose, 'aria-label': t('pt.close') }}
    />
  )
}
