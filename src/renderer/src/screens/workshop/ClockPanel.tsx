import { useMemo, useState } from 'react'
import { Button, Empty, Select, Skeleton, Table, Tag } from 'antd'
import { useT } from '../../i18n'
import { navigate } from '../../router'
import { useBoard, type BoardCardT, type JobT } from '../../stores/workshop-store'
import { ClockButtons } from './ClockButtons'
import { JOB_TAG } from './colours'
import { hoursText, jobClockedMs, jobEfficiencyText, soldText } from './countdown'
import { RaiseAdditionalDialog } from './RaiseAdditionalDialog'
import { useHostNow, useMe } from './use-workshop'
import { useCan } from '../../permissions'

interface Row {
  card: BoardCardT
  job: JobT
}

const ORDER: Record<JobT['state'], number> = { running: 0, paused: 1, rework: 2, dispatched: 3, proposed: 4, pending: 5, done: 6, declined: 7 }

/** 作业打卡: a technician's jobs with the clock; a supervisor picks whose jobs to act on. */
export function ClockPanel() {
  const t = useT()
  const board = useBoard().board
  const me = useMe()
  const onBehalf = useCan('workshop.correct')
  const canRaise = useCan('workshop.additional.raise')
  const nowMs = useHostNow(15_000)
  const [technicianId, setTechnicianId] = useState<number | null>(null)
  const [raiseFor, setRaiseFor] = useState<BoardCardT | null>(null)


  const isTechnician = board?.technicians.some((x) => x.id === me) ?? false
  const who = technicianId ?? (isTechnician ? me : null)
  const rows = useMemo<Row[]>(() => {
    if (!board || who === null) return []
    return board.cards
      .flatMap((card) => card.jobs.filter((j) => j.technicianId === who).map((job) => ({ card, job })))
      .sort((a, b) => ORDER[a.job.state] - ORDER[b.job.state])
  }, [board, who])

  if (!board) return <Skeleton active />

  return (
    <div className="ws-clock">
      <div className="ws-toolbar">
        {onBehalf && (
          <Select
            className="ws-filter-wide"
            aria-label={t('wk.clock.technician')}
            placeholder={t('wk.clock.technician')}
            value={who ?? undefined}
            onChange={(v: number) => setTechnicianId(v)}
            options={board.technicians.map((x) => ({ value: x.id, label: x.name }))}
          />
        )}
        <span className="muted">{t('wk.clock.hint')}</span>
      </div>
      {who === null ? (
        <Empty description={t('wk.clock.pick')} />
      ) : (
        <Table<Row>
          size="small"
          rowKey={(r) => r.job.id ?? `line-${r.job.lineId}`}
          pagination={false}
          dataSource={rows}
          aria-label={t('wk.tab.clock')}
          locale={{ emptyText: t('wk.clock.none') }}
          rowClassName={(r) => (r.job.state === 'running' ? 'ws-row-running' : '')}
          columns={[
            {
              title: t('field.roNumber'),
              width: 220,
              render: (_, r) => (
                <a href={`#/workshop/ro/${r.card.roId}`} onClick={(e) => (e.preventDefault(), navigate({ name: 'workshopRo', id: r.card.roId }))}>
                  <span className="ws-plate">{r.card.plate ?? t('wk.noPlate')}</span> <span className="mono">{r.card.number}</span>
                </a>
              ),
            },
            { title: t('field.model'), width: 140, render: (_, r) => r.card.model },
            { title: t('wk.job.title'), render: (_, r) => r.job.description },
            {
              title: t('wk.job.state'),
              width: 120,
              render: (_, r) => (
                <Tag color={JOB_TAG[r.job.state]}>
                  {t(`jobState.${r.job.state}`)}
                  {r.job.state === 'paused' && r.job.pauseReason ? ` · ${t(`pauseReason.${r.job.pauseReason}`)}` : ''}
                </Tag>
              ),
            },
            { title: t('wk.job.sold'), width: 70, align: 'right', render: (_, r) => <span className="num">{soldText(r.job.soldHoursMilli)}</span> },
            { title: t('wk.job.clocked'), width: 70, align: 'right', render: (_, r) => <span className="num">{hoursText(jobClockedMs(r.job, nowMs))}</span> },
            {
              title: t('wk.job.efficiency'),
              width: 70,
              align: 'right',
              render: (_, r) => <span className="num">{jobEfficiencyText(t, r.job, nowMs)}</span>,
            },
            {
              title: t('wk.job.actions'),
              width: 260,
              render: (_, r) => (
                <div className="ws-actions">
                  <ClockButtons job={r.job} />
                  {canRaise && r.card.roState === 'in_progress' && r.job.state !== 'done' && r.job.state !== 'proposed' && (
                    <Button size="small" onClick={() => setRaiseFor(r.card)}>
                      {t('wk.additional.raise')}
                    </Button>
                  )}
                </div>
              ),
            },
          ]}
        />
      )}
      {raiseFor && <RaiseAdditionalDialog roId={raiseFor.roId} roType={raiseFor.type} title={`${raiseFor.plate ?? ''} ${raiseFor.number}`} onClose={() => setRaiseFor(null)} />}
    </div>
  )
}
