import { useEffect, useState } from 'react'
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useStore } from 'zustand'
import { useStores } from '../../stores/context'
import { useSessionStore, useT } from '../../i18n'
import { applyFailure, summaryOf } from '../../components/form-errors'
import { RemoteSelect } from '../../components/RemoteSelect'
import { nowWallClock, wallClockToIso } from '../../format'
import type { SearchHitT } from '../../stores/types'

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
  onClose(): void
}

export function BookAppointmentModal({ vehicle, advisorId, startsAt, onClose }: Props) {
  const t = useT()
  const { api, appointments } = useStores()
  const timeZone = useStore(useSessionStore(), (s) => s.settings?.timeZone ?? 'Asia/Shanghai')
  const advisors = useStore(appointments, (s) => s.advisors)
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [vehicleId, setVehicleId] = useState<number | null>(vehicle?.id ?? null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (advisors.length === 0) void appointments.getState().loadAdvisors()
  }, [appointments, advisors.length])

  const submit = async (values: Values) => {
    if (!vehicleId) return setError(t('appts.pickVehicle'))
    setBusy(true)
    setError(null)
    const failure = await appointments.getState().book({
      vehicleId,
      advisorId: values.advisorId,
      startsAt: wallClockToIso(values.startsAt.format('YYYY-MM-DDTHH:mm'), timeZone),
      durationMin: values.durationMin,
      concern: values.concern ?? '',
    })
    setBusy(false)
    if (failure) {
      return setError(summaryOf(applyFailure(form, failure), failure))
    }
    void message.success(t('appts.booked'))
    onClose()
  }

  const searchVehicles = async (q: string) => {
    const result = await api.call('reception.search', { q, limit: 20 })
    return result.ok ? result.data.filter((hit) => hit.vehicleId !== null) : []
  }

  const defaultStart = startsAt ? dayjs(startsAt) : dayjs(nowWallClock(timeZone)).add(1, 'hour').startOf('hour')

  return (
    <Modal open title={t('appts.book')} onCancel={onClose} onOk={() => form.submit()} okText={t('appts.book')} confirmLoading={busy}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        aria-label={t('appts.book')}
        initialValues={{ advisorId, startsAt: defaultStart, durationMin: 60, concern: '' }}
      >
        <Form.Item label={t('field.vehicleId')} required>
          {vehicle ? (
            <Input value={vehicle.label} disabled />
          ) : (
            <RemoteSelect<SearchHitT>
              ariaLabel={t('field.vehicleId')}
              placeholder={t('desk.searchPlaceholder')}
              autoFocus
              keepValue
              search={searchVehicles}
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
