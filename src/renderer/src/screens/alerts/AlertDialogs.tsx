import { useState } from 'react'
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd'
import dayjs from 'dayjs'
import { useLocale, useT } from '../../i18n'
import { todayIn } from '../../format'
import { type AlertT, useAlertAct } from '../../stores/alerts-store'
import { useTimeZone } from '../settlement/use-settlement'
import { alertMessage, earliestSnooze } from './alert-model'

interface Props {
  alert: AlertT
  kind: 'snooze' | 'resolve'
  onClose(): void
}

/** Snooze until a date (it comes back then) or resolve by hand, each with a note for the next person. */
export function AlertDialog({ alert, kind, onClose }: Props) {
  const t = useT()
  const locale = useLocale()
  const { message } = App.useApp()
  const act = useAlertAct()
  const earliest = earliestSnooze(todayIn(useTimeZone()))
  const [until, setUntil] = useState(earliest)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const title = t(kind === 'snooze' ? 'inbox.snooze.title' : 'inbox.resolve.title', { subject: alert.subjectLabel ?? t(`subjectType.${alert.subjectType}`) })

  const submit = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    const base = { id: alert.id, version: alert.version, note: note.trim() }
    const result = kind === 'snooze' ? await act('alerts.snooze', { ...base, until }) : await act('alerts.resolve', base)
    setBusy(false)
    if (!result.ok) return setError(result.message)
    void message.success(kind === 'snooze' ? t('inbox.snooze.done', { until }) : t('inbox.resolve.done'))
    onClose()
  }

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t(kind === 'snooze' ? 'inbox.snooze' : 'inbox.resolve')}
      confirmLoading={busy}
    >
      <p className="pre-wrap">{alertMessage(alert, locale)}</p>
      <Form layout="vertical" aria-label={title} onFinish={() => void submit()}>
        {kind === 'snooze' && (
          <Form.Item label={t('field.until')} required>
            <DatePicker
              autoFocus
              allowClear={false}
              aria-label={t('field.until')}
              value={dayjs(until)}
              disabledDate={(d) => d.format('YYYY-MM-DD') < earliest}
              onChange={(d) => d && setUntil(d.format('YYYY-MM-DD'))}
            />
          </Form.Item>
        )}
        {kind === 'resolve' && <p className="muted">{t('inbox.resolve.explain')}</p>}
        <Form.Item label={t('field.note')}>
          <Input
            autoFocus={kind === 'resolve'}
            value={note}
            maxLength={200}
            onChange={(e) => setNote(e.target.value)}
            aria-label={t('field.note')}
            placeholder={t(kind === 'snooze' ? 'inbox.snooze.noteHint' : 'inbox.resolve.noteHint')}
          />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
    </Modal>
  )
}
