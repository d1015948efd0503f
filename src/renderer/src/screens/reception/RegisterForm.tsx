import { useEffect, useState } from 'react'
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Space } from 'antd'
import { normaliseVin } from '../../../../shared/domain/vin'
import { useStores } from '../../stores/context'
import { useT } from '../../i18n'
import { useHotkeys } from '../../hotkeys'
import { navigate } from '../../router'
import { applyFailure, summaryOf } from '../../components/form-errors'
import { clean } from '../../components/clean'
import type { CustomerT } from '../../stores/types'
import { PlateField, VehicleDescriptionFields, vinRule } from './vehicle-fields'
import { OwnerFields } from './owner-fields'

interface Values {
  vin: string
  plate?: string
  make: string
  model: string
  modelYear?: number
  colour?: string
  engineNo?: string
  odometerKm?: number
  newOwner?: { kind: 'person' | 'company'; name: string; mobile?: string; phone2?: string; address?: string; note?: string }
}

/** New customer and vehicle, or a new vehicle for a customer found by the search. */
export function RegisterForm({ ownerId }: { ownerId?: number | undefined }) {
  const t = useT()
  const { api } = useStores()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [owner, setOwner] = useState<CustomerT | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const vin = Form.useWatch('vin', form) ?? ''

  useEffect(() => {
    if (!ownerId) return
    void api.call('customers.get', { id: ownerId }).then((r) => r.ok && setOwner(r.data.customer))
  }, [api, ownerId])

  useHotkeys({ 'Ctrl+Enter': () => form.submit() })

  const submit = async (values: Values) => {
    setBusy(true)
    setError(null)
    const { newOwner, ...vehicle } = values
    const input = {
      ...clean({ ...vehicle }),
      vin: values.vin,
      make: values.make,
      model: values.model,
      odometerKm: values.odometerKm ?? 0,
      ...(ownerId ? { ownerId } : { newOwner: { ...clean({ ...newOwner }), name: newOwner?.name ?? '' } }),
    }
    const result = await api.call('vehicles.register', input)
    setBusy(false)
    if (!result.ok) {
      return setError(summaryOf(applyFailure(form, result), result))
    }
    void message.success(t('desk.registered'))
    navigate({ name: 'reception', vehicleId: result.data.id })
  }

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} aria-label={t('desk.newCustomer')} className="register-form" scrollToFirstError>
      <div className="panel-head">
        <h2 className="panel-heading">{ownerId ? t('desk.newVehicleFor') : t('desk.newCustomer')}</h2>
        <Space>
          <Button onClick={() => navigate({ name: 'reception' })}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} title="Ctrl+Enter">
            {t('desk.register')}
          </Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <div className="card-row">
        <Card size="small" title={t('desk.vehicleCard')} className="info-card">
          <Form.Item
            name="vin"
            label={t('field.vin')}
            required
            rules={[vinRule(t)]}
            validateTrigger={['onChange', 'onBlur']}
            extra={t('desk.vinCount', { count: normaliseVin(vin).length })}
            normalize={(v: string) => v.toUpperCase()}
          >
            <Input autoFocus autoComplete="off" maxLength={24} className="mono" />
          </Form.Item>
          <PlateField t={t} />
          <VehicleDescriptionFields t={t} />
          <Form.Item name="odometerKm" label={t('field.odometerKm')}>
            <InputNumber min={0} max={2_000_000} style={{ width: '100%' }} />
          </Form.Item>
        </Card>
        <Card size="small" title={t('desk.ownerCard')} className="info-card">
          {ownerId ? (
            owner && (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'name', label: t('field.name'), children: owner.name },
                  { key: 'mobile', label: t('field.mobile'), children: owner.mobile ?? '—' },
                ]}
              />
            )
          ) : (
            <OwnerFields t={t} prefix={['newOwner']} />
          )}
        </Card>
      </div>
    </Form>
  )
}
