import { useEffect, useState } from 'react'
import { Alert, Button, Input, InputNumber, Modal, Radio, Select, Space } from 'antd'
import { type CallOutcome } from '../../../../shared/domain/care'
import { toLocalIso } from '../../../../shared/domain/time'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { dateOnly, dateTime, wallClockToIso } from '../../format'
import { useCan } from '../../permissions'
import { useTimeZone } from '../settlement/use-settlement'
import { CallHistory } from '../care/CallHistory'
import { DialHeader, OutcomePicker, useCallTimer } from '../care/CallParts'
import '../care/care.css'

type Next = 'none' | 'book' | 'decline'

/** 保修到期提醒电话: the number large, the call timed, the outcome; from a reached call the check-up is booked (the reason goes with it) or declined. */
export function CoverageCallDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT()
  const tz = useTimeZone()
  const canCall = useCan('warranty.write')
  const canBook = useCan('appointments.write')
  const view = useApiQuery('warranty.calls.get', { id })
  const staff = useApiQuery('appointments.advisors', {})
  const timer = useCallTimer()
  const [outcome, setOutcome] = useState<CallOutcome>('reached')
  const [callbackAt, setCallbackAt] = useState('')
  const [remark, setRemark] = useState('')
  const [next, setNext] = useState<Next>('book')
  const [advisorId, setAdvisorId] = useState<number | null>(null)
  const [startsAt, setStartsAt] = useState('')
  const [duration, setDuration] = useState(60)
  const [concern, setConcern] = useState<string | null>(null)
  const save = useApiMutation('warranty.calls.logCall', { showError: 'inline', onSuccess: (data) => (data.state === 'open' ? setRemark('') : onClose()) })
  const w = view.data
  const advisors = staff.data ?? []
  useEffect(() => {
    if (advisorId === null && advisors[0]) setAdvisorId(advisors[0].id)
  }, [advisorId, advisors])
  const ready = timer.startedAt !== null && timer.endedAt !== null
  const booking = outcome === 'reached' && next === 'book' && canBook
  const open = w?.state === 'open' && canCall

  const submit = () => {
    if (!w || !timer.startedAt || !timer.endedAt) return
    save.mutate({
      id: w.id,
      version: w.version,
      startedAt: toLocalIso(timer.startedAt, tz),
      endedAt: toLocalIso(timer.endedAt, tz),
      outcome,
      ...(outcome === 'call_back' && callbackAt ? { callbackAt: wallClockToIso(callbackAt, tz) } : {}),
      remark,
      ...(booking && advisorId !== null && startsAt ? { book: { advisorId, startsAt: wallClockToIso(startsAt, tz), durationMin: duration, concern: concern ?? w.reason } } : {}),
      decline: outcome === 'reached' && next === 'decline',
    })
  }

  return (
    <Modal
      open
      width={760}
      title={w ? t('wty.calls.title', { plate: w.plate ?? w.vin }) : ''}
      onCancel={onClose}
      footer={
        open ? (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" disabled={!ready || (booking && (!startsAt || advisorId === null))} loading={save.isPending} onClick={submit}>
              {booking ? t('wty.calls.saveBook') : t('care.call.save')}
            </Button>
          </Space>
        ) : null
      }
    >
      {view.error && <Alert type="error" showIcon title={view.error.message} />}
      {w && (
        <div>
          <DialHeader who={`${w.customerName} · ${w.plate ?? ''} ${w.model}`} mobile={w.mobile} timer={timer} canLog={open} />
          <Alert type="warning" showIcon title={w.reason} description={`${t('wty.calls.endsOn')} ${dateOnly(w.endsOn)} · ${t('care.attempts')} ${w.attempts}`} />
          {save.problem && <Alert type="error" showIcon title={save.problem} className="care-section" />}
          {open && (
            <>
              {!ready && <Alert type="info" showIcon title={t('care.call.notStarted')} className="care-section" />}
              <OutcomePicker outcome={outcome} onOutcome={setOutcome} callbackAt={callbackAt} onCallbackAt={setCallbackAt} />
              {outcome === 'reached' && (
                <div className="care-section">
                  <Radio.Group value={next} onChange={(e) => setNext(e.target.value as Next)} aria-label={t('care.reminder.next')}>
                    {canBook && <Radio value="book">{t('wty.calls.book')}</Radio>}
                    <Radio value="decline">{t('wty.calls.decline')}</Radio>
                    <Radio value="none">{t('wty.calls.later')}</Radio>
                  </Radio.Group>
                  {booking && (
                    <div className="care-book">
                      <Select<number>
                        size="small"
                        style={{ width: 140 }}
                        aria-label={t('dash.call.advisor')}
                        value={advisorId ?? undefined}
                        onChange={setAdvisorId}
                        options={advisors.map((a) => ({ value: a.id, label: a.displayName }))}
                      />
                      <Input type="datetime-local" size="small" style={{ width: 220 }} aria-label={t('care.reminder.startsAt')} value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
                      <InputNumber<number> size="small" min={5} max={600} step={15} value={duration} onChange={(v) => setDuration(v ?? 60)} aria-label={t('care.reminder.duration')} addonAfter={t('care.reminder.minutes')} />
                      <Input.TextArea rows={2} maxLength={500} aria-label={t('care.reminder.concern')} value={concern ?? w.reason} onChange={(e) => setConcern(e.target.value)} />
                    </div>
                  )}
                </div>
              )}
              <div className="care-section">
                <Input.TextArea rows={2} maxLength={500} placeholder={t('care.call.remark')} aria-label={t('care.call.remark')} value={remark} onChange={(e) => setRemark(e.target.value)} />
              </div>
            </>
          )}
          {w.state !== 'open' && (
            <Alert
              type="success"
              showIcon
              className="care-section"
              title={`${t(`wtyCallState.${w.state}`)}${w.appointment ? ` · ${dateTime(w.appointment.startsAt)} · ${w.appointment.advisorName}` : ''}${w.closeNote ? ` · ${w.closeNote}` : ''}`}
            />
          )}
          <CallHistory calls={w.calls} />
        </div>
      )}
    </Modal>
  )
}
