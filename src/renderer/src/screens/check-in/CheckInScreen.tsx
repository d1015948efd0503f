import { useState } from 'react'
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Skeleton, Space, Switch, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useStore } from 'zustand'
import { RO_TYPES, type RoType } from '../../../../shared/domain/ro-type'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useReception } from '../../stores/reception-store'
import { useLocale, useSessionStore, useT } from '../../i18n'
import { useHotkeys } from '../../hotkeys'
import { navigate } from '../../router'
import { applyFailure, summaryOf } from '../../components/form-errors'
import { km, nowWallClock, wallClockToIso } from '../../format'
import { FuelGauge } from './FuelGauge'
import { WalkAround } from './WalkAround'
import type { FindingDraft } from './findings'
import { useCan } from '../../permissions'

interface Values {
  type: RoType
  odometerKm: number
  odometerOverrideReason?: string
  fuelEighths: number
  concerns: string
  promisedAt?: Dayjs
  returnOldParts: boolean
  /** Only for an insurance / accident RO: the claim opened with it. */
  insurance?: { insurer: string; reportNo: string; policyNo?: string }
}

/** 接车: the reading, the walk-around and the customer's own words, then the RO is opened. */
export function CheckInScreen({ vehicleId, appointmentId }: { vehicleId: number; appointmentId?: number | undefined }) {
  const t = useT()
  const locale = useLocale()
  const session = useSessionStore()
  const timeZone = useStore(session, (s) => s.settings?.timeZone ?? 'Asia/Shanghai')
  const canOverride = useCan('odometer.override')
  const detail = useApiQuery('vehicles.get', { id: vehicleId }).data
  const prefill = useReception((s) => s.prefill)
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [findings, setFindings] = useState<FindingDraft[]>([])
  const [error, setError] = useState<string | null>(null)
  const odometer = Form.useWatch('odometerKm', form)
  const type = Form.useWatch('type', form)
  // The form shows the host's refusal above itself, with the field problems at their fields.
  const checkIn = useApiMutation('ro.checkIn', {
    showError: false,
    onError: (failure) => setError(summaryOf(applyFailure(form, failure.failure), failure.failure)),
    onSuccess: (data) => {
      useReception.getState().setPrefill(null)
      void message.success(t('checkIn.done', { number: data.number }))
      navigate({ name: 'ro', id: data.id })
    },
  })
  const busy = checkIn.isPending

  useHotkeys({ 'Ctrl+Enter': () => form.submit() })

  if (!detail || detail.vehicle.id !== vehicleId) return <Skeleton active />
  const { vehicle, owner } = detail
  const below = typeof odometer === 'number' && odometer < vehicle.odometerKm
  const concernsPrefill = prefill && prefill.vehicleId === vehicleId && prefill.appointmentId === appointmentId ? prefill.concerns : ''

  const submit = (values: Values) => {
    setError(null)
    checkIn.mutate({
      vehicleId,
      ...(appointmentId ? { appointmentId } : {}),
      type: values.type,
      odometerKm: values.odometerKm,
      ...(below && values.odometerOverrideReason ? { odometerOverrideReason: values.odometerOverrideReason } : {}),
      fuelEighths: values.fuelEighths,
      concerns: values.concerns,
      findings: findings.map((f) => ({ kind: f.kind, area: f.area, note: f.note.trim() })),
      ...(values.promisedAt ? { promisedAt: wallClockToIso(values.promisedAt.format('YYYY-MM-DDTHH:mm'), timeZone) } : {}),
      returnOldParts: values.returnOldParts,
      ...(values.type === 'insurance' && values.insurance
        ? { insurance: { insurer: values.insurance.insurer, reportNo: values.insurance.reportNo, policyNo: values.insurance.policyNo ?? '' } }
        : {}),
    })
  }

  const promisedDefault = dayjs(nowWallClock(timeZone)).add(150, 'minute').startOf('hour')

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      aria-label={t('checkIn.title')}
      className="check-in"
      scrollToFirstError
      initialValues={{ type: 'maintenance', fuelEighths: 4, concerns: concernsPrefill, returnOldParts: false, promisedAt: promisedDefault }}
    >
      <div className="panel-head">
        <Typography.Title level={4} className="panel-title">
          {t('checkIn.title')}
          <span className={vehicle.energy === 'new_energy' ? 'plate plate-green' : 'plate'}>{vehicle.plate ?? vehicle.vin}</span>
          <span>
            {vehicle.make} {vehicle.model}
          </span>
          <span className="muted">{owner.name}</span>
        </Typography.Title>
        <Space>
          <Button onClick={() => navigate({ name: 'reception', vehicleId })}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} title="Ctrl+Enter">
            {t('checkIn.submit')}
          </Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <div className="card-row">
        <Card size="small" title={t('checkIn.visit')} className="info-card">
          <Form.Item name="type" label={t('field.type')}>
            <Radio.Group optionType="button" buttonStyle="solid" options={RO_TYPES.map((r) => ({ value: r, label: t(`roType.${r}`) }))} />
          </Form.Item>
          {type === 'insurance' && <InsuranceFields />}
          <div className="form-row">
            <Form.Item
              name="odometerKm"
              label={t('field.odometerKm')}
              extra={vehicle.odometerKm > 0 ? t('checkIn.lastOdometer', { km: km(vehicle.odometerKm, locale) }) : t('checkIn.noLastOdometer')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <InputNumber min={0} max={2_000_000} autoFocus style={{ width: '100%' }} suffix="km" />
            </Form.Item>
            <Form.Item name="fuelEighths" label={t('field.fuelEighths')}>
              <FuelGauge />
            </Form.Item>
          </div>
          {below && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              title={t('checkIn.odometerBelow', { km: km(vehicle.odometerKm, locale) })}
              description={canOverride ? t('checkIn.overrideHint') : t('checkIn.overrideNeedsSupervisor')}
            />
          )}
          {below && canOverride && (
            <Form.Item
              name="odometerOverrideReason"
              label={t('field.odometerOverrideReason')}
              rules={[{ required: true, min: 2, message: t('form.required') }]}
            >
              <Input />
            </Form.Item>
          )}
          <Form.Item name="concerns" label={t('field.concerns')} rules={[{ required: true, message: t('form.required') }]} extra={t('checkIn.concernsHint')}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
          <div className="form-row">
            <Form.Item name="promisedAt" label={t('field.promisedAt')}>
              <DatePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="returnOldParts" label={t('field.returnOldParts')} valuePropName="checked">
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          </div>
        </Card>
        <Card size="small" title={t('checkIn.walkAround')} className="info-card walk-card">
          <WalkAround findings={findings} onChange={setFindings} />
        </Card>
      </div>
    </Form>
  )
}

/** 保险事故: the insurer and the report number (报案号) open the RO's insurance claim with it. */
function InsuranceFields() {
  const t = useT()
  return (
    <fieldset className="check-in-insurance" aria-label={t('checkIn.insurance')}>
      <Typography.Text strong>{t('checkIn.insurance')}</Typography.Text>
      <Typography.Paragraph type="secondary" className="check-in-insurance-hint">
        {t('checkIn.insuranceHint')}
      </Typography.Paragraph>
      <div className="form-row">
        <Form.Item name={['insurance', 'insurer']} label={t('checkIn.insurer')} rules={[{ required: true, whitespace: true, message: t('checkIn.insurerRequired') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name={['insurance', 'reportNo']} label={t('checkIn.reportNo')} rules={[{ required: true, whitespace: true, message: t('checkIn.reportNoRequired') }]}>
          <Input maxLength={40} className="mono" />
        </Form.Item>
        <Form.Item name={['insurance', 'policyNo']} label={t('checkIn.policyNo')}>
          <Input maxLength={40} className="mono" />
        </Form.Item>
      </div>
    </fieldset>
  )
}
