import { useState } from 'react'
import { Alert, Button, Input, Modal, Space } from 'antd'
import { type CallOutcome } from '../../../../shared/domain/care'
import { toLocalIso } from '../../../../shared/domain/time'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useLocale, useT } from '../../i18n'
import { dateOnly, dateTime, km, wallClockToIso } from '../../format'
import { useCan } from '../../permissions'
import { useTimeZone } from '../settlement/use-settlement'
import { CallHistory } from './CallHistory'
import { DialHeader, OutcomePicker, useCallTimer } from './CallParts'
import { BookFromCall, useBookFromCall } from './BookFromCall'

/** 保养提醒电话: the number large, the call timed, the outcome; from a reached call the service is booked (the reason goes with it) or declined. */
export function ReminderDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT()
  const locale = useLocale()
  const tz = useTimeZone()
  const canCall = useCan('care.call')
  const canBook = useCan('appointments.write')
  const view = useApiQuery('care.reminders.get', { id })
  const staff = useApiQuery('care.staff', {})
  const timer = useCallTimer()
  const [outcome, setOutcome] = useState<CallOutcome>('reached')
  const [callbackAt, setCallbackAt] = useState('')
  const [remark, setRemark] = useState('')
  const save = useApiMutation('care.reminders.logCall', { showError: 'inline', onSuccess: (data) => (data.state === 'open' ? setRemark('') : onClose()) })
  const m = view.data
  // Who can take a booking, the service advisors first.
  const rank = (role: string) => ['service_advisor', 'front_desk_supervisor', 'service_manager'].indexOf(role)
  const advisors = (staff.data ?? [])
    .filter((s) => rank(s.role) >= 0)
    .sort((a, b) => rank(a.role) - rank(b.role))
    .map((s) => ({ id: s.id, name: s.name }))
  const next = useBookFromCall(advisors, canBook, outcome)
  const ready = timer.startedAt !== null && timer.endedAt !== null

  const submit = () => {
    if (!m || !timer.startedAt || !timer.endedAt) return
    save.mutate({
      id: m.id,
      version: m.version,
      startedAt: toLocalIso(timer.startedAt, tz),
      endedAt: toLocalIso(timer.endedAt, tz),
      outcome,
      ...(outcome === 'call_back' && callbackAt ? { callbackAt: wallClockToIso(callbackAt, tz) } : {}),
      remark,
      ...next.input(tz, m.reason),
    })
  }

  return (
    <Modal
      open
      width={760}
      title={m ? t('care.reminder.title', { plate: m.plate ?? m.roNumber }) : ''}
      onCancel={onClose}
      footer={
        m?.state === 'open' && canCall ? (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" disabled={!ready || next.incomplete} loading={save.isPending} onClick={submit}>
              {next.booking ? t('care.reminder.saveBook') : t('care.call.save')}
            </Button>
          </Space>
        ) : null
      }
    >
      {view.error && <Alert type="error" showIcon title={view.error.message} />}
      {m && (
        <div>
          <DialHeader who={`${m.customerName} · ${m.plate ?? ''} ${m.model}`} mobile={m.mobile} timer={timer} canLog={m.state === 'open' && canCall} />
          <Alert
            type={m.overdue ? 'warning' : 'info'}
            showIcon
            title={m.reason}
            description={t('care.reminder.basis', {
              months: dateOnly(m.dueByMonths),
              km: m.dueByKm ? dateOnly(m.dueByKm) : '—',
              last: km(m.lastKm, locale),
            })}
          />
          {save.problem && <Alert type="error" showIcon title={save.problem} className="care-section" />}
          {m.state === 'open' && canCall && (
            <>
              {!ready && <Alert type="info" showIcon title={t('care.call.notStarted')} className="care-section" />}
              <OutcomePicker outcome={outcome} onOutcome={setOutcome} callbackAt={callbackAt} onCallbackAt={setCallbackAt} />
              {outcome === 'reached' && (
                <BookFromCall state={next} advisors={advisors} canBook={canBook} reason={m.reason} labels={{ book: 'care.reminder.book', decline: 'care.reminder.decline', later: 'care.reminder.later' }} />
              )}
              <div className="care-section">
                <Input.TextArea rows={2} maxLength={500} placeholder={t('care.call.remark')} aria-label={t('care.call.remark')} value={remark} onChange={(e) => setRemark(e.target.value)} />
              </div>
            </>
          )}
          {m.state !== 'open' && (
            <Alert
              type="success"
              showIcon
              className="care-section"
              title={`${t(`reminderState.${m.state}`)}${m.appointment ? ` · ${dateTime(m.appointment.startsAt)} · ${m.appointment.advisorName}` : ''}${m.closeNote ? ` · ${m.closeNote}` : ''}`}
            />
          )}
          <CallHistory calls={m.calls} />
        </div>
      )}
    </Modal>
  )
}
