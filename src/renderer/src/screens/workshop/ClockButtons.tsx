import { useState } from 'react'
import { App, Button, Dropdown, Space } from 'antd'
import { PAUSE_REASONS, type PauseReason } from '../../../../shared/domain/workshop-job'
import { useT } from '../../i18n'
import { useWorkshopWrite, type JobT } from '../../stores/workshop-store'

/** 开工 / 暂停（原因）/ 继续 / 完工 for one job, as the job's state allows. */
export function ClockButtons({ job }: { job: Pick<JobT, 'id' | 'state' | 'description'> }) {
  const write = useWorkshopWrite()
  const t = useT()
  const { message, modal } = App.useApp()
  const [busy, setBusy] = useState(false)
  const jobId = job.id
  if (jobId === null) return null

  const run = async <R extends { ok: boolean }>(call: () => Promise<R>, done: string): Promise<R> => {
    setBusy(true)
    const result = await call()
    setBusy(false)
    if (result.ok) void message.success(done)
    return result
  }

  const clockOn = async (pauseOthers = false) => {
    const result = await run(() => write('workshop.clockOn', { jobId, pauseOthers }), t('wk.clock.onDone', { job: job.description }))
    if (result.ok) return
    // Already on another job: offer to pause it and switch (the "other job" pause reason).
    if (result.code === 'INVALID_STATE' && Array.isArray(result.details?.runningJobIds)) {
      modal.confirm({
        title: result.message,
        okText: t('wk.clock.switch'),
        cancelText: t('common.cancel'),
        onOk: () => clockOn(true),
      })
    } else void message.error(result.message)
  }

  const pause = async (reason: PauseReason) => {
    const result = await run(() => write('workshop.pause', { jobId, reason }), t('wk.clock.pausedDone', { reason: `pauseReason.${reason}` }))
    if (!result.ok) void message.error(result.message)
  }

  const finish = async () => {
    const result = await run(() => write('workshop.finish', { jobId }), t('wk.clock.finishDone', { job: job.description }))
    if (!result.ok) void message.error(result.message)
  }

  const state = job.state
  return (
    <Space size={4} wrap>
      {(state === 'dispatched' || state === 'rework') && (
        <Button size="small" type="primary" loading={busy} onClick={() => void clockOn()}>
          {t('jobAction.clock_on')}
        </Button>
      )}
      {state === 'paused' && (
        <Button size="small" type="primary" loading={busy} onClick={() => void clockOn()}>
          {t('wk.clock.resume')}
        </Button>
      )}
      {state === 'running' && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: PAUSE_REASONS.map((r) => ({ key: r, label: t(`pauseReason.${r}`) })),
            onClick: ({ key }) => void pause(key as PauseReason),
          }}
        >
          <Button size="small" loading={busy}>
            {t('jobAction.pause')}
          </Button>
        </Dropdown>
      )}
      {(state === 'running' || state === 'paused') && (
        <Button size="small" loading={busy} onClick={() => void finish()}>
          {t('jobAction.finish')}
        </Button>
      )}
    </Space>
  )
}
