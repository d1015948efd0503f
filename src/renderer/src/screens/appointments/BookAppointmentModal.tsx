import { useEffect, useState } from 'react'
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useStore } from 'zustand'
import { failureOf, useApiMutation } from '../../api/query-client'
import { useAdvisors, useAppointmentsDay } from '../../stores/appointments-store'
import { useSessionStore, useT } from '../../i18n'
import { applyFailure, summaryOf } from '../../components/form-errors'
import { RemoteSelect } from '../../components/RemoteSelect'
import { nowWallClock, todayIn, wallClockToIso } from '../../format'
import type { SearchHitT } from '../../stores/types'
import { DEFAULT_OPENING_HOURS_TEXT, parseOpeningHours } from '../../../../shared/domain/opening-hours'
import { bookingDefaults } from './booking-defaults'
import { startMinute } from './day-rows'

interface Values {
  advisorId: number
  startsAt: Dayjs
  durationMin: number
  concern: string
}

interface Props {
  vehicle?: { id: number; label: string }
  advisorId?: number
  /** Wall-clock start, `YYYY-MM-DDTHH:mm`, when booked from a slot in the day view. */
  startsAt?: string
  /** The day the desk is looking at, `YYYY-MM-DD`: the default slot is searched from it. */
  day?: string
  onClose(): void
}

export function BookAppointmentModal({ vehicle, advisorId, startsAt, day, onClose }: Props) {
  const t = useT()
  const timeZone = useStore(useSessionStore(), (s) => s.settings?.timeZone ?? 'Asia/Shanghai')
  const advisors = useAdvisors()
  const shownDay = day ?? todayIn(timeZone)
  const dayBookings = useAppointmentsDay(shownDay).appointments
  const book = useApiMutation('appointments.book', { showError: false })
  const me = useStore(useSessionStore(), (s) => s.user?.id)
  const hoursText = useStore(useSessionStore(), (s) => s.settings?.openingHours ?? DEFAULT_OPENING_HOURS_TEXT)
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [vehicleId, setVehicleId] = useState<number | null>(vehicle?.id ?? null)
  const [error, setError] = useState<string | null>(null)
  const busy = book.isPending

  const submit = async (values: Values, outsideHours = false) => {
    if (!vehicleId) return setError(t('appts.pickVehicle'))
    setError(null)
    const failure = await book
      .mutateAsync({
      vehicleId,
      advisorId: values.advisorId,
      startsAt: wallClockToIso(values.startsAt.format('YYYY-MM-DDTHH:mm'), timeZone),
      durationMin: values.durationMin,
      concern: values.concern ?? '',
        outsideHours,
      })
      .then(
        () => null,
        (e: unknown) => failureOf(e)?.failure ?? null,
      )
    if (failure?.details?.outsideHours === true && !outsideHours) {
      // Outside the opening hours needs the advisor's explicit yes; the host refuses it otherwise.
      modal.confirm({
        title: t('appts.outsideConfirmTitle'),
        content: t('appts.outsideConfirm', { message: failure.message }),
        okText: t('appts.outsideConfirmOk'),
        onOk: () => submit(values, true),
      })
      return
    }
    if (failure) {
      return setError(summaryOf(applyFailure(form, failure), failure))
    }
    void message.success(t('appts.booked'))
    onClose()
  }

  // The next free slot inside the opening hours, for the current user when they take bookings.
  const computeDefaults = () => {
    return bookingDefaults({
      hours: parseOpeningHours(hoursText),
      day: shownDay,
      today: todayIn(timeZone),
      now: startMinute(nowWallClock(timeZone)),
      durationMin: 60,
      advisorIds: advisors.map((a) => a.id),
      me,
      booked: dayBookings.filter((a) => a.status === 'booked' || a.status === 'arrived'),
    })
  }
  const [defaults] = useState(computeDefaults)
  // The advisor list may arrive after the dialog opened: fill the defaults in unless the person typed.
  useEffect(() => {
    if (advisors.length === 0 || advisorId !== undefined || form.isFieldsTouched()) return
    const next = computeDefaults()
    form.setFieldsValue({ advisorId: next.advisorId, ...(startsAt ? {} : { startsAt: dayjs(next.startsAt) }) })
    // Only when the advisors arrive.
  }, [advisors])
  const defaultStart = dayjs(startsAt ?? defaults.startsAt)

  return (
    <Modal open title={t('appts.book')} onCancel={onClose} onOk={() => form.submit()} okText={t('appts.book')} confirmLoading={busy}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        aria-label={t('appts.book')}
        initialValues={{ advisorId: advisorId ?? defaults.advisorId, startsAt: defaultStart, durationMin: 60, concern: '' }}
      >
        <Form.Item label={t('field.vehicleId')} required>
          {vehicle ? (
            <Input value={vehicle.label} disabled />
          ) : (
            <RemoteSelect
              ariaLabel={t('field.vehicleId')}
              placeholder={t('desk.searchPlaceholder')}
              autoFocus
              keepValue
              channel="reception.search"
              input={(q) => ({ q, limit: 20 })}
              items={(hits): SearchHitT[] => hits.filter((hit) => hit.vehicleId !== null)}
              keyOf={(hit) => hit.vehicleId ?? 0}
              labelOf={(hit) => `${hit.plate ?? hit.vin ?? ''} · ${hit.model ?? ''} · ${hit.customerName}`}
              onPick={(hit) => setVehicleId(hit.vehicleId)}
              notFound={t('desk.noHits')}
              className="full-width"
            />
          )}
        </Form.Item>
        <Form.Item name="advisorId" label={t('field.advisorId')} rules={[{ required: true, message: t('form.required') }]}>
          <Select options={advisors.map((a) => ({ value: a.id, label: a.name }))} />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="startsAt" label={t('field.startsAt')} rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="durationMin" label={t('field.durationMin')}>
            <InputNumber min={5} max={600} step={15} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="concern" label={t('field.concern')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  )
}
