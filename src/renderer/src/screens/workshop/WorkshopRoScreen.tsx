import { useState } from 'react'
import { Alert, App, Button, Descriptions, Skeleton, Space, Tag, Typography } from 'antd'
import { useLocale, useT } from '../../i18n'
import { dateTime, km } from '../../format'
import { useHotkeys } from '../../hotkeys'
import { navigate } from '../../router'
import { stateColour } from '../ro/state-colour'
import { AdditionalPanel } from './AdditionalPanel'
import { countdownText, minutesLeft } from './countdown'
import { LiveBanner } from './WorkshopScreen'
import { whoCan } from '../../permissions'
import { QcPanel } from './QcPanel'
import { RoJobsTable } from './RoJobsTable'
import { InspectionHistory } from './InspectionHistory'
import { useHostNow, useLiveStatus } from './use-workshop'
import { useCan } from '../../permissions'
import './board.css'
import './workshop.css'
import { useBoard, useWorkshopRo, useWorkshopWrite } from '../../stores/workshop-store'

/** One order in the shop: its jobs and clock, additional work, the final inspection, the job card. */
export function WorkshopRoScreen({ id }: { id: number }) {
  const write = useWorkshopWrite()
  const t = useT()
  const locale = useLocale()
  const { message } = App.useApp()
  const { ro, error } = useWorkshopRo(id)
  // The board gives the dispatch dialog its technicians and bays.
  useBoard()
  const live = useLiveStatus()
  const nowMs = useHostNow()
  const canQc = useCan('workshop.qc')
  const canWash = useCan('workshop.dispatch')
  const canReception = useCan('ro.write')
  const [busy, setBusy] = useState(false)

  useHotkeys({
    'Ctrl+P': () => navigate({ name: 'jobCard', id }),
    Escape: () => navigate({ name: 'workshop' }),
  })

  if (error && !ro) return <Alert type="error" showIcon title={error} />
  if (!ro || ro.roId !== id) return <Skeleton active />
  const minutes = minutesLeft(ro.promisedAt, nowMs)

  const washDone = async () => {
    setBusy(true)
    const result = await write('workshop.washDone', { roId: ro.roId, version: ro.roVersion })
    setBusy(false)
    if (result.ok) void message.success(t('wk.qc.washedDone', { number: ro.number }))
    else void message.error(result.message)
  }

  return (
    <div className="ws-ro">
      <LiveBanner live={live} />
      <div className="panel-head">
        <Typography.Title level={4} className="panel-title">
          <span className="ws-plate ws-plate-lg">{ro.plate ?? t('wk.noPlate')}</span>
          <span>
            {ro.make} {ro.model}
          </span>
          <span className="mono" aria-label={t('field.roNumber')}>
            {ro.number}
          </span>
          <Tag color={stateColour(ro.roState)} aria-label={t('field.state')}>
            {t(`roState.${ro.roState}`)}
          </Tag>
          <Tag>{t(`roType.${ro.type}`)}</Tag>
        </Typography.Title>
        <Space wrap>
          <Button onClick={() => navigate({ name: 'workshop' })}>{t('wk.ro.back')}</Button>
          {canReception && <Button onClick={() => navigate({ name: 'ro', id: ro.roId })}>{t('wk.ro.toReception')}</Button>}
          <Button onClick={() => navigate({ name: 'jobCard', id: ro.roId })} title="Ctrl+P">
            {t('wk.jobCard.open')}
          </Button>
          {canWash && ro.roState === 'washing' && (
            <Button type="primary" loading={busy} onClick={() => void washDone()}>
              {t('roAction.wash_done')}
            </Button>
          )}
        </Space>
      </div>
      <Descriptions
        size="small"
        bordered
        column={4}
        items={[
          { key: 'customer', label: t('field.customer'), children: ro.customerName },
          { key: 'advisor', label: t('field.advisorId'), children: ro.advisorName },
          { key: 'vin', label: t('field.vin'), children: <span className="mono">{ro.vin}</span> },
          { key: 'odometer', label: t('field.odometerKm'), children: km(ro.odometerKm, locale) },
          { key: 'opened', label: t('field.openedAt'), children: dateTime(ro.openedAt) },
          {
            key: 'promised',
            label: t('field.promisedAt'),
            children: (
              <span className={minutes !== null && minutes < 0 && ro.roState !== 'ready' ? 'ws-late' : ''}>
                {dateTime(ro.promisedAt)}
                {minutes !== null && ro.roState !== 'ready' ? ` · ${countdownText(t, minutes)}` : ''}
              </span>
            ),
          },
          { key: 'concerns', label: t('field.concerns'), span: 2, children: <span className="pre-wrap">{ro.concerns}</span> },
        ]}
      />
      <RoJobsTable ro={ro} nowMs={nowMs} />
      <AdditionalPanel ro={ro} />
      {canQc && ro.roState === 'quality_check' && <QcPanel ro={ro} key={ro.roVersion} />}
      {!canQc && ro.roState === 'quality_check' && (
        <Alert type="info" showIcon className="ws-gap" role="status" title={t('wk.qc.awaitingInspector', { roles: whoCan(t, 'workshop.qc') })} />
      )}
      <InspectionHistory ro={ro} />
    </div>
  )
}
