import { Alert, Button, Space } from 'antd'
import { useLocale, useT } from '../../i18n'
import { dateTime, money } from '../../format'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import type { AdditionalWorkT } from '../../stores/workshop-store'
import { useCan } from '../../permissions'
import './workshop.css'

/**
 * At the vehicle's next visit: additional work the customer declined last time, to offer again.
 * Taken up (with the open order it went onto) or dismissed, it is not shown again.
 */
export function DeclinedWorkNotice({ vehicleId, openRoId }: { vehicleId: number; openRoId: number | null }) {
  const t = useT()
  const locale = useLocale()
  const canRead = useCan('workshop.read')
  const canDecide = useCan('workshop.additional.approve')
  const declined = useApiQuery('workshop.declinedForVehicle', { vehicleId }, { enabled: canRead })
  const items: AdditionalWorkT[] = declined.data ?? []
  // Taken up or dismissed, the list is read again (the write's events name it).
  const decide = useApiMutation('workshop.additional.followUp')

  if (items.length === 0) return null

  const followUp = (work: AdditionalWorkT, outcome: 'taken_up' | 'dismissed') =>
    decide.mutate({
      id: work.id,
      version: work.version,
      outcome,
      ...(outcome === 'taken_up' && openRoId ? { roId: openRoId } : {}),
    })

  return (
    <Alert
      type="warning"
      showIcon
      className="open-ro"
      role="note"
      aria-label={t('wk.declined.title')}
      title={t('wk.declined.title')}
      description={
        <ul className="ws-declined">
          {items.map((w) => (
            <li key={w.id}>
              <span>
                {w.roNumber} · {w.finding} · {t('wk.additional.grossShort', { amount: money(w.grossFen, locale) })} ·{' '}
                {t('wk.additional.decision', {
                  by: w.decidedBy ?? '—',
                  method: w.decisionMethod ? `decisionMethod.${w.decisionMethod}` : '',
                  at: dateTime(w.decidedAt),
                  recorder: w.recordedBy ?? '—',
                })}
              </span>
              {canDecide && (
                <Space size={4}>
                  {/* Taken up means put onto this visit's order, not the one that was declined. */}
                  {openRoId !== null && openRoId !== w.roId && (
                    <Button size="small" onClick={() => followUp(w, 'taken_up')}>
                      {t('wk.declined.takenUp')}
                    </Button>
                  )}
                  <Button size="small" type="text" onClick={() => followUp(w, 'dismissed')}>
                    {t('wk.declined.dismiss')}
                  </Button>
                </Space>
              )}
            </li>
          ))}
        </ul>
      }
    />
  )
}
