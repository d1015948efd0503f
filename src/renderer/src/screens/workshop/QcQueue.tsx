import { useState, type ReactNode } from 'react'
import { App, Button, Card, Empty, Skeleton, Statistic } from 'antd'
import { useT } from '../../i18n'
import { timeOnly } from '../../format'
import { navigate } from '../../router'
import { useBoard, useWorkshopWrite, type BoardCardT } from '../../stores/workshop-store'
import { percentText } from './countdown'
import { useFigures, useThisMonth } from './use-figures'
import { useCan } from '../../permissions'
import { whoCan } from '../../permissions'

function QcRow({ card, action }: { card: BoardCardT; action: ReactNode }) {
  const t = useT()
  return (
    <div className="ws-qc-row" aria-label={t('wk.card.label', { plate: card.plate ?? t('wk.noPlate'), number: card.number })}>
      <span className="ws-plate">{card.plate ?? t('wk.noPlate')}</span>
      <span className="mono">{card.number}</span>
      <span>{card.model}</span>
      <span className="muted">{t(`roType.${card.type}`)}</span>
      <span className="muted">{card.advisorName}</span>
      <span className="muted">
        {t('field.promisedAt')} {timeOnly(card.promisedAt)}
      </span>
      {card.jobs.some((j) => j.reworkCount > 0) && <span className="ws-late">{t('boardFlag.rework')}</span>}
      <span className="ws-qc-action">{action}</span>
    </div>
  )
}

/** 质检: cars waiting for the final inspection and the wash, with this month's first-pass rate. */
export function QcQueue() {
  const write = useWorkshopWrite()
  const t = useT()
  const { message } = App.useApp()
  const board = useBoard().board
  const canQc = useCan('workshop.qc')
  const canWash = useCan('workshop.dispatch')
  const month = useThisMonth()
  const { qc } = useFigures(month, false)
  const [busy, setBusy] = useState<number | null>(null)


  if (!board) return <Skeleton active />
  const inspect = board.cards.filter((c) => c.column === 'qc')
  const wash = board.cards.filter((c) => c.column === 'wash')

  const washDone = async (card: BoardCardT) => {
    setBusy(card.roId)
    const result = await write('workshop.washDone', { roId: card.roId, version: card.roVersion })
    setBusy(null)
    if (result.ok) void message.success(t('wk.qc.washedDone', { number: card.number }))
    else void message.error(result.message)
  }

  return (
    <div className="ws-qc">
      <div className="ws-stats" role="group" aria-label={t('wk.qc.monthFigures')}>
        <Statistic title={t('wk.qc.firstPassRate')} value={percentText(qc?.firstPassRateBp ?? null)} />
        <Statistic title={t('wk.qc.inspected')} value={qc?.inspectedRos ?? '—'} />
        <Statistic title={t('wk.qc.firstPass')} value={qc?.firstPass ?? '—'} />
        <Statistic title={t('wk.qc.reworkJobs')} value={qc?.reworkJobs ?? '—'} />
      </div>
      <Card
        size="small"
        title={t('wk.qc.waiting', { n: inspect.length })}
        extra={!canQc && <span className="muted">{t('wk.qc.whoInspects', { roles: whoCan(t, 'workshop.qc') })}</span>}
      >
        {inspect.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wk.qc.none')} />
        ) : (
          inspect.map((card) => (
            <QcRow
              key={card.roId}
              card={card}
              action={
                <Button
                  size="small"
                  type={canQc ? 'primary' : 'default'}
                  onClick={() => navigate({ name: 'workshopRo', id: card.roId })}
                  aria-label={canQc ? undefined : t('wk.qc.viewOnly', { number: card.number })}
                >
                  {canQc ? t('wk.qc.start') : t('wk.qc.view')}
                </Button>
              }
            />
          ))
        )}
      </Card>
      <Card
        size="small"
        title={t('wk.qc.washing', { n: wash.length })}
        extra={!canWash && <span className="muted">{t('wk.qc.whoWashes', { roles: whoCan(t, 'workshop.dispatch') })}</span>}
      >
        {wash.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wk.qc.noWash')} />
        ) : (
          wash.map((card) => (
            <QcRow
              key={card.roId}
              card={card}
              action={
                canWash && (
                  <Button size="small" loading={busy === card.roId} onClick={() => void washDone(card)}>
                    {t('roAction.wash_done')}
                  </Button>
                )
              }
            />
          ))
        )}
      </Card>
    </div>
  )
}
