import { useEffect, useState } from 'react'
import { Input, InputNumber, Radio, Select } from 'antd'
import type { CallOutcome } from '../../../../shared/domain/care'
import type { MessageKey } from '../../../../shared/i18n'
import { wallClockToIso } from '../../format'
import { useT } from '../../i18n'

// What a reached call leads to, in the service-reminder and the warranty-reminder call: book the
// visit (advisor, time, length, the call's reason as the concern), the customer declines, or
// nothing yet. One piece for both dialogs, so the booking reads and behaves the same in each.

export type NextStep = 'none' | 'book' | 'decline'
export interface BookingAdvisor {
  id: number
  name: string
}

/** The dialog's state of the next step; `outcome` is the call's outcome as picked. */
export function useBookFromCall(advisors: readonly BookingAdvisor[], canBook: boolean, outcome: CallOutcome) {
  const [next, setNext] = useState<NextStep>('book')
  const [advisorId, setAdvisorId] = useState<number | null>(null)
  const [startsAt, setStartsAt] = useState('')
  const [duration, setDuration] = useState(60)
  const [concern, setConcern] = useState<string | null>(null)
  useEffect(() => {
    if (advisorId === null && advisors[0]) setAdvisorId(advisors[0].id)
  }, [advisorId, advisors])
  const booking = outcome === 'reached' && next === 'book' && canBook
  return {
    next,
    setNext,
    advisorId,
    setAdvisorId,
    startsAt,
    setStartsAt,
    duration,
    setDuration,
    concern,
    setConcern,
    booking,
    /** A booking chosen but not filled in yet: the save waits for it. */
    incomplete: booking && (!startsAt || advisorId === null),
    /** The `book` and `decline` parts of the call's input; `reason` is the concern unless typed over. */
    input: (timeZone: string, reason: string) => ({
      ...(booking && advisorId !== null && startsAt ? { book: { advisorId, startsAt: wallClockToIso(startsAt, timeZone), durationMin: duration, concern: concern ?? reason } } : {}),
      decline: outcome === 'reached' && next === 'decline',
    }),
  }
}

export type BookFromCallState = ReturnType<typeof useBookFromCall>

interface Props {
  state: BookFromCallState
  advisors: readonly BookingAdvisor[]
  canBook: boolean
  /** The call's reason, the booking's concern unless typed over. */
  reason: string
  labels: { book: MessageKey; decline: MessageKey; later: MessageKey }
}

/** The next step of a reached call and, when booking, the appointment's fields. */
export function BookFromCall({ state, advisors, canBook, reason, labels }: Props) {
  const t = useT()
  return (
    <div className="care-section">
      <Radio.Group value={state.next} onChange={(e) => state.setNext(e.target.value as NextStep)} aria-label={t('care.reminder.next')}>
        {canBook && <Radio value="book">{t(labels.book)}</Radio>}
        <Radio value="decline">{t(labels.decline)}</Radio>
        <Radio value="none">{t(labels.later)}</Radio>
      </Radio.Group>
      {state.booking && (
        <div className="care-book">
          <Select<number>
            size="small"
            style={{ width: 140 }}
            aria-label={t('dash.call.advisor')}
            value={state.advisorId ?? undefined}
            onChange={state.setAdvisorId}
            options={advisors.map((a) => ({ value: a.id, label: a.name }))}
          />
          <Input
            type="datetime-local"
            size="small"
            style={{ width: 220 }}
            aria-label={t('care.reminder.startsAt')}
            value={state.startsAt}
            onChange={(e) => state.setStartsAt(e.target.value)}
          />
          <InputNumber<number>
            size="small"
            min={5}
            max={600}
            step={15}
            value={state.duration}
            onChange={(v) => state.setDuration(v ?? 60)}
            aria-label={t('care.reminder.duration')}
            addonAfter={t('care.reminder.minutes')}
          />
          <Input.TextArea rows={2} maxLength={500} aria-label={t('care.reminder.concern')} value={state.concern ?? reason} onChange={(e) => state.setConcern(e.target.value)} />
        </div>
      )}
    </div>
  )
}
