import { useState } from 'react'
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Space } from 'antd'
import { normaliseVin } from '../../../../shared/domain/vin'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { useHotkeys } from '../../hotkeys'
import { navigate } from '../../router'
import { applyFailure, summaryOf } from '../../components/form-errors'
import { clean } from '../../components/clean'
import type { CustomerT } from '../../stores/types'
import { PlateField, VehicleDescriptionFields, vinRule } from './vehicle-fields'
import { OwnerFields } from './owner-fields'
import { ExistingCustomerNotice, useMobileOwner, type MobileOwner } from './ExistingCustomerNotice'
import { useDenied } from '../../permissions'

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
  const denied = useDenied('customers.write')
  // Before any typing: a role that cannot register is told so instead of getting the form.
  if (denied) {
    return (
      <Card size="small" title={ownerId ? t('desk.newVehicleFor') : t('desk.newCustomer')}>
        <Alert type="info" showIcon title={denied} role="note" />
        <Button style={{ marginTop: 12 }} onClick={() => navigate({ name: 'reception' })}>
          {t('common.cancel')}
        </Button>
      </Card>
    )
  }

  return <RegisterFormBody ownerId={ownerId} />
}

function RegisterFormBody({ ownerId }: { ownerId?: number | undefined }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const owner: CustomerT | null = useApiQuery('customers.get', { id: ownerId ?? 0 }, { enabled: Boolean(ownerId) }).data?.customer ?? null
  const [error, setError] = useState<string | null>(null)
  // The form shows the host's refusal above itself, with the field problems at their fields.
  const register = useApiMutation('vehicles.register', {
    showError: false,
    onError: (failure) => setError(summaryOf(applyFailure(form, failure.failure), failure.failure)),
    onSuccess: (data) => {
      void message.success(t('desk.registered'))
      navigate({ name: 'reception', vehicleId: data.id })
    },
  })
  const busy = register.isPending
  const vin = Form.useWatch('vin', form) ?? ''
  // A mobile already on file: warn at once and offer that customer, so no duplicate is made.
  const mobile = Form.useWatch(['newOwner', 'mobile'], form)
  const taken = useMobileOwner(ownerId ? undefined : mobile)
  const [attached, setAttached] = useState<MobileOwner | null>(null)
  const [sharedFor, setSharedFor] = useState<string | null>(null)
  const shared = taken !== null && sharedFor === taken.mobile

  useHotkeys({ 'Ctrl+Enter': () => form.submit() })

  const submit = (values: Values) => {
    setError(null)
    const { newOwner, ...vehicle } = values
    const input = {
      ...clean({ ...vehicle }),
      vin: values.vin,
      make: values.make,
      model: values.model,
      odometerKm: values.odometerKm ?? 0,
      ...(ownerId || attached
        ? { ownerId: ownerId ?? attached?.customerId }
        : { newOwner: { ...clean({ ...newOwner }), name: newOwner?.name ?? '', ...(shared ? { sharedMobile: true } : {}) } }),
    }
    register.mutate(input)
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
          ) : attached ? (
            <>
              <Alert type="success" showIcon title={t('desk.attachedOwner')} style={{ marginBottom: 8 }} />
              <Descriptions
                size="small"
                column={1}
                aria-label={t('desk.attachedOwner')}
                items={[
                  { key: 'name', label: t('field.name'), children: attached.customerName },
                  { key: 'mobile', label: t('field.mobile'), children: attached.mobile },
                ]}
              />
              <Button size="small" type="link" onClick={() => setAttached(null)}>
                {t('desk.detachOwner')}
              </Button>
            </>
          ) : (
            <>
              {taken && !shared && (
                <ExistingCustomerNotice t={t} owner={taken} onUse={() => setAttached(taken)} onShared={() => setSharedFor(taken.mobile)} />
              )}
              {shared && <Alert type="info" showIcon title={t('desk.sharedMobileNoted')} style={{ marginBottom: 12 }} />}
              <OwnerFields t={t} prefix={['newOwner']} />
            </>
          )}
        </Card>
      </div>
    </Form>
  )
}
