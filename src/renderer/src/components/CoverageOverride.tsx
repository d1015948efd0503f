import { Alert, Input } from 'antd'
import type { Failure, OutOfCoverage } from '../api/failure'
import { dateOnly, km } from '../format'
import { useLocale, useT } from '../i18n'
import { useCan, whoCan } from '../permissions'

// A warranty line outside the vehicle's coverage is refused by the host with the coverages it is
// outside of. Where lines are written (the estimate, approved additional work) the refusal shows
// here: what ended and when, and — for someone who may — a reason to let it through, which the
// host records. Everyone else is told who can.

interface Props {
  failure: Failure
  items: readonly OutOfCoverage[]
  reason: string
  onReason(reason: string): void
}

/** The refusal, each coverage that ended, and the reason field (or who can give one). */
export function CoverageOverride({ failure, items, reason, onReason }: Props) {
  const t = useT()
  const locale = useLocale()
  const may = useCan('warranty.override')
  return (
    <div className="coverage-override">
      <Alert
        type="warning"
        showIcon
        title={failure.message}
        description={
          <ul className="plain-list">
            {items.map((item) => (
              <li key={item.coverage}>
                {t('lineCheck.item', { coverage: t(`warranty.coverage.${item.coverage}`), untilDate: dateOnly(item.untilDate), untilKm: km(item.untilKm, locale) })}
                {item.endedBy && ` · ${t(`lineCheck.endedBy.${item.endedBy}`)}`}
              </li>
            ))}
          </ul>
        }
      />
      {may ? (
        <label className="coverage-override-reason">
          <span>{t('lineCheck.reason')}</span>
          <Input.TextArea
            autoFocus
            value={reason}
            maxLength={200}
            rows={2}
            aria-label={t('lineCheck.reason')}
            placeholder={t('lineCheck.reasonPlaceholder')}
            onChange={(e) => onReason(e.target.value)}
          />
        </label>
      ) : (
        <Alert type="info" title={t('lineCheck.needs', { roles: whoCan(t, 'warranty.override') })} />
      )}
    </div>
  )
}

/** Whether the reason is long enough for the host (2–200 characters after trimming). */
export const overrideReady = (reason: string) => reason.trim().length >= 2
