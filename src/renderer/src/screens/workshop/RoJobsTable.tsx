import { useState } from 'react'
import { Button, Card, Space, Table, Tag } from 'antd'
import { useT } from '../../i18n'
import { useBoard, type JobDetailT, type WorkshopRoT } from '../../stores/workshop-store'
import { isDispatchable } from './board-model'
import { ClockButtons } from './ClockButtons'
import { JOB_TAG } from './colours'
import { efficiencyText, hoursText, jobClockedMs, jobEfficiencyText, soldText } from './countdown'
import { DispatchDialog, type DispatchRequest } from './DispatchDialog'
import { RaiseAdditionalDialog } from './RaiseAdditionalDialog'
import { SegmentsTable } from './SegmentsTable'
import { useMe } from './use-workshop'
import { useCan } from '../../permissions'

/** The order's jobs: who, where, state, sold against clocked hours; clock, dispatch and time corrections. */
export function RoJobsTable({ ro, nowMs }: { ro: WorkshopRoT; nowMs: number }) {
  const t = useT()
  const me = useMe()
  const board = useBoard().board
  const canClock = useCan('workshop.clock')
  const canCorrect = useCan('workshop.correct')
  const canDispatch = useCan('workshop.dispatch')
  const canRaise = useCan('workshop.additional.raise')
  const [request, setRequest] = useState<DispatchRequest | null>(null)
  const [raising, setRaising] = useState(false)
  const card = board?.cards.find((c) => c.roId === ro.roId) ?? null
  const sold = ro.jobs.reduce((n, j) => n + j.soldHoursMilli, 0)
  const clocked = ro.jobs.reduce((n, j) => n + jobClockedMs(j, nowMs), 0)
  // Efficiency means something for finished work only: a job just started would read thousands of
  // per cent. Jobs with a short clock segment awaiting confirmation are left out (the one rule).
  const done = ro.jobs.filter((j) => j.state === 'done' && (j.heldSegments ?? 0) === 0)
  const doneSold = done.reduce((n, j) => n + j.soldHoursMilli, 0)
  const doneClocked = done.reduce((n, j) => n + jobClockedMs(j, nowMs), 0)
  // The summary already shows the hours beside it; the percentage is of the finished, confirmed jobs.
  const doneEfficiency = efficiencyText(doneSold, doneClocked)

  return (
    <Card
      size="small"
      title={t('wk.ro.jobs')}
      extra={
        <Space>
          <span className="muted">
            {t('wk.ro.hoursSummary', { sold: soldText(sold), clocked: hoursText(clocked), efficiency: doneEfficiency })}
          </span>
          {canRaise && ro.roState === 'in_progress' && (
            <Button size="small" onClick={() => setRaising(true)}>
              {t('wk.additional.raise')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<JobDetailT>
        size="small"
        rowKey={(j) => j.id ?? `line-${j.lineId}`}
        pagination={false}
        dataSource={ro.jobs}
        aria-label={t('wk.ro.jobs')}
        locale={{ emptyText: t('wk.ro.noJobs') }}
        expandable={{
          rowExpandable: (j) => j.segments.length > 0 || (canCorrect && j.id !== null && j.technicianId !== null),
          expandedRowRender: (j) => <SegmentsTable job={j} />,
        }}
        columns={[
          {
            title: t('wk.job.title'),
            render: (_, j) => (
              <span>
                {j.description} {j.additional && <Tag color="purple">{t('wk.job.additional')}</Tag>}
                {j.reworkCount > 0 && <Tag color="red">{t('wk.job.reworkCount', { n: j.reworkCount })}</Tag>}
              </span>
            ),
          },
          { title: t('field.technicianId'), width: 90, render: (_, j) => j.technicianName ?? '—' },
          { title: t('field.bayId'), width: 70, render: (_, j) => j.bayCode ?? '—' },
          {
            title: t('wk.job.state'),
            width: 110,
            render: (_, j) => (
              <Tag color={JOB_TAG[j.state]}>
                {t(`jobState.${j.state}`)}
                {j.state === 'paused' && j.pauseReason ? ` · ${t(`pauseReason.${j.pauseReason}`)}` : ''}
              </Tag>
            ),
          },
          { title: t('wk.job.sold'), width: 64, align: 'right', render: (_, j) => <span className="num">{soldText(j.soldHoursMilli)}</span> },
          { title: t('wk.job.clocked'), width: 64, align: 'right', render: (_, j) => <span className="num">{hoursText(jobClockedMs(j, nowMs))}</span> },
          {
            title: t('wk.job.efficiency'),
            width: 64,
            align: 'right',
            render: (_, j) => <span className="num">{jobEfficiencyText(t, j, nowMs)}</span>,
          },
          {
            title: t('wk.job.actions'),
            width: 240,
            render: (_, j) => (
              <Space size={4} wrap>
                {canClock && (j.technicianId === me || canCorrect) && <ClockButtons job={j} />}
                {canDispatch && card && isDispatchable(j) && (
                  <Button size="small" onClick={() => setRequest({ card, lineIds: [j.lineId as number], ...(j.technicianId ? { technicianId: j.technicianId } : {}) })}>
                    {j.technicianId === null ? t('jobAction.assign') : t('wk.job.reassign')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {request && board && <DispatchDialog board={board} request={request} onClose={() => setRequest(null)} />}
      {raising && <RaiseAdditionalDialog roId={ro.roId} roType={ro.type} title={`${ro.plate ?? ''} ${ro.number}`} onClose={() => setRaising(false)} />}
    </Card>
  )
}
