import { useState } from 'react'
import { Alert, Button, Input, Modal, Space } from 'antd'
import { type CallOutcome } from '../../../../shared/domain/care'
import { toLocalIso } from '../../../../shared/domain/time'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { dateOnly, dateTime, wallClockToIso } from '../../format'
import { useCan } from '../../permissions'
import { useTimeZone } from '../settlement/use-settlement'
import { CallHistory } from '../care/CallHistory'
import { DialHeader, OutcomePicker, useCallTimer } from '../care/CallParts'
import { BookFromCall, useBookFromCall } from '../care/BookFromCall'
import { callStateKey } from './call-state'
import '../care/care.css'

/** 保修到期提醒电话 and 首保提醒: the number large, the call timed, the outcome; from a reached call the check-up is booked (the reason goes with it) or declined. */
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
  const save = useApiMutation('warranty.calls.logCall', { showError: 'inline', onSuccess: (data) => (data.state === 'open' ? setRemark('') : onClose()) })
  const w = view.data
  const advisors = (staff.data ?? []).map((a) => ({ id: a.id, name: a.displayName }))
  const next = useBookFromCall(advisors, canBook, outcome)
  const ready = timer.startedAt !== null && timer.endedAt !== null
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
      ...next.input(tz, w.reason),
    })
  }

  return (
    <Modal
      open
      width={760}
      title={w ? t(w.kind === 'first_service' ? 'wty.fs.callTitle' : 'wty.calls.title', { plate: w.plate ?? w.vin }) : ''}
      onCancel={onClose}
      footer={
        open ? (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" disabled={!ready || next.incomplete} loading={save.isPending} onClick={submit}>
              {next.booking ? t('wty.calls.saveBook') : t('care.call.save')}
            </Button>
          </Space>
        ) : null
      }
    >
      {view.error && <Alert type="error" showIcon title={view.error.message} />}
      {w && (
        <div>
          <DialHeader who={`${w.customerName} · ${w.plate ?? ''} ${w.model}`} mobile={w.mobile} timer={timer} canLog={open} />
          <Alert type="warning" showIcon title={w.reason} description={`${t(w.kind === 'first_service' ? 'wty.fs.closesOn' : 'wty.calls.endsOn')} ${dateOnly(w.endsOn)} · ${t('care.attempts')} ${w.attempts}`} />
          {save.problem && <Alert type="error" showIcon title={save.problem} className="care-section" />}
          {open && (
            <>
              {!ready && <Alert type="info" showIcon title={t('care.call.notStarted')} className="care-section" />}
              <OutcomePicker outcome={outcome} onOutcome={setOutcome} callbackAt={callbackAt} onCallbackAt={setCallbackAt} />
              {outcome === 'reached' && (
                <BookFromCall state={next} advisors={advisors} canBook={canBook} reason={w.reason} labels={{ book: w.kind === 'first_service' ? 'wty.fs.book' : 'wty.calls.book', decline: 'wty.calls.decline', later: 'wty.calls.later' }} />
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
              title={`${t(callStateKey(w.kind, w.state))}${w.appointment ? ` · ${dateTime(w.appointment.startsAt)} · ${w.appointment.advisorName}` : ''}${w.closeNote ? ` · ${w.closeNote}` : ''}`}
            />
          )}
          <CallHistory calls={w.calls} />
        </div>
      )}
    </Modal>
  )
}
