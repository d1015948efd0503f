import { useCallback, useEffect, useState } from 'react'
import { Alert, App, Button, Space } from 'antd'
import { useLocale, useT } from '../../i18n'
import { dateTime, money } from '../../format'
import { useApi } from '../../api/query-client'
import type { AdditionalWorkT } from '../../stores/workshop-store'
import { useCan } from './use-workshop'
import './workshop.css'

/**
 * At the vehicle's next visit: additional work the customer declined last time, to offer again.
 * Taken up (with the open order it went onto) or dismissed, it is not shown again.
 */
export function DeclinedWorkNotice({ vehicleId, openRoId }: { vehicleId: number; openRoId: number | null }) {
  const t = useT()
  const locale = useLocale()
  const api = useApi()
  const { message } = App.useApp()
  const canRead = useCan('workshop.read')
  const canDecide = useCan('workshop.additional.approve')
  const [items, setItems] = useState<AdditionalWorkT[]>([])

  const load = useCallback(async () => {
    const result = await api.call('workshop.declinedForVehicle', { vehicleId })
    setItems(result.ok ? result.data : [])
  }, [api, vehicleId])

  useEffect(() => {
    if (canRead) void load()
  }, [canRead, load])

  if (items.length === 0) return null

  const followUp = async (work: AdditionalWorkT, outcome: 'taken_up' | 'dismissed') => {
    const result = await api.call('workshop.additional.followUp', {
      id: work.id,
      version: work.version,
      outcome,
      ...(outcome === 'taken_up' && openRoId ? { roId: openRoId } : {}),
    })
    if (!result.ok) return void message.error(result.message)
    void load()
  }

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
                    <Button size="small" onClick={() => void followUp(w, 'taken_up')}>
                      {t('wk.declined.takenUp')}
                    </Button>
                  )}
                  <Button size="small" type="text" onClick={() => void followUp(w, 'dismissed')}>
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
