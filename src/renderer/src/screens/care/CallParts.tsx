import { useEffect, useState } from 'react'
import { Button, Input, Radio, Space, Typography } from 'antd'
import { CALL_OUTCOMES, type CallOutcome } from '../../../../shared/domain/care'
import { useT } from '../../i18n'

// The pieces every care call dialog shares (follow-up, service reminder): the number to dial with
// the call timer, and the outcome of the call.

export const mmss = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000))
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}

/** The call timer: "started" and "ended" are pressed on the desk phone's call; the screen needs no network for it. */
export function useCallTimer() {
  const [startedAt, setStartedAt] = useState<Date | null>(null)
  const [endedAt, setEndedAt] = useState<Date | null>(null)
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    if (!startedAt || endedAt) return
    const timer = window.setInterval(() => setNow(new Date()), 1000)
    return () => window.clearInterval(timer)
  }, [startedAt, endedAt])
  const elapsed = startedAt ? (endedAt ?? now).getTime() - startedAt.getTime() : 0
  return {
    startedAt,
    endedAt,
    elapsed,
    start: () => {
      setStartedAt(new Date())
      setEndedAt(null)
      setNow(new Date())
    },
    end: () => setEndedAt(new Date()),
  }
}

export type CallTimer = ReturnType<typeof useCallTimer>

/** Who is called, the number large, and the timer's start/end when the call can be logged. */
export function DialHeader({ who, mobile, timer, canLog }: { who: string; mobile: string | null; timer: CallTimer; canLog: boolean }) {
  const t = useT()
  return (
    <div className="care-dial">
      <div>
        <Typography.Text type="secondary">
          {who} · {t('care.call.dial')}
        </Typography.Text>
        <div className="care-phone" aria-label={t('field.mobile')}>
          {mobile ?? '—'}
        </div>
      </div>
      {canLog && (
        <Space>
          <Button onClick={timer.start} disabled={timer.startedAt !== null && timer.endedAt === null}>
            {t('care.call.start')}
          </Button>
          <Button onClick={timer.end} disabled={timer.startedAt === null || timer.endedAt !== null}>
            {t('care.call.end')}
          </Button>
          <span className="care-timer" aria-label={t('care.call.duration')}>
            {mmss(timer.elapsed)}
          </span>
        </Space>
      )}
    </div>
  )
}

/** The call's outcome, and when to call back for "call back". */
export function OutcomePicker(props: { outcome: CallOutcome; onOutcome(o: CallOutcome): void; callbackAt: string; onCallbackAt(v: string): void }) {
  const t = useT()
  return (
    <div className="care-section">
      <Typography.Text strong>{t('care.call.outcome')}</Typography.Text>{' '}
      <Radio.Group value={props.outcome} onChange={(e) => props.onOutcome(e.target.value as CallOutcome)} aria-label={t('care.call.outcome')}>
        {CALL_OUTCOMES.map((o) => (
          <Radio.Button key={o} value={o}>
            {t(`callOutcome.${o}`)}
          </Radio.Button>
        ))}
      </Radio.Group>
      {props.outcome === 'call_back' && (
        <Input type="datetime-local" size="small" style={{ width: 220, marginLeft: 8 }} aria-label={t('care.callbackAt')} value={props.callbackAt} onChange={(e) => props.onCallbackAt(e.target.value)} />
      )}
    </div>
  )
}
