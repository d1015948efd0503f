import { useState } from 'react'
import { Alert, App, Form, Modal, Segmented, Typography } from 'antd'
import { useStores } from '../../stores/context'
import { useT } from '../../i18n'
import { applyFailure } from '../../components/form-errors'
import { clean } from '../../components/clean'
import { RemoteSelect } from '../../components/RemoteSelect'
import type { CustomerT, SearchHitT, VehicleT } from '../../stores/types'
import { OwnerFields } from './owner-fields'

interface NewOwner {
  kind: 'person' | 'company'
  name: string
  mobile?: string
  phone2?: string
  address?: string
  note?: string
}

/** A sold car changes hands: an existing customer or a new one becomes the owner (recorded). */
export function ChangeOwnerModal({ vehicle, owner, onClose }: { vehicle: VehicleT; owner: CustomerT; onClose(): void }) {
  const t = useT()
  const { api, reception } = useStores()
  const { message } = App.useApp()
  const [mode, setMode] = useState<'existing' | 'new'>('existing')
  const [picked, setPicked] = useState<SearchHitT | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [form] = Form.useForm<NewOwner>()

  const change = async (customerId: number) => {
    const result = await api.call('vehicles.changeOwner', { id: vehicle.id, version: vehicle.version, customerId })
    if (!result.ok) return setError(result.message)
    void message.success(t('desk.ownerChanged'))
    void reception.getState().loadVehicle(vehicle.id)
    onClose()
  }

  const submit = async () => {
    setError(null)
    setBusy(true)
    try {
      if (mode === 'existing') {
        if (!picked) return setError(t('desk.pickCustomer'))
        await change(picked.customerId)
      } else {
        const values = await form.validateFields()
        const created = await api.call('customers.create', clean({ ...values }) as NewOwner)
        if (!created.ok) {
          applyFailure(form, created)
          return setError(created.message)
        }
        await change(created.data.id)
      }
    } catch {
      // Field validation failed: the form shows where.
    } finally {
      setBusy(false)
    }
  }

  const searchCustomers = async (q: string) => {
    const result = await api.call('reception.search', { q, limit: 20 })
    if (!result.ok) return []
    const seen = new Set<number>()
    return result.data.filter((hit) => hit.customerId !== owner.id && !seen.has(hit.customerId) && seen.add(hit.customerId))
  }

  return (
    <Modal open title={t('desk.changeOwner')} onCancel={onClose} onOk={() => void submit()} okText={t('desk.changeOwner')} confirmLoading={busy}>
      <Typography.Paragraph type="secondary">{t('desk.currentOwner', { name: owner.name })}</Typography.Paragraph>
      <Segmented
        value={mode}
        onChange={(v) => setMode(v as 'existing' | 'new')}
        options={[
          { value: 'existing', label: t('desk.ownerExisting') },
          { value: 'new', label: t('desk.ownerNew') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {mode === 'existing' ? (
        <RemoteSelect<SearchHitT>
          ariaLabel={t('desk.pickCustomer')}
          placeholder={t('desk.customerSearch')}
          autoFocus
          keepValue
          search={searchCustomers}
          keyOf={(hit) => hit.customerId}
          labelOf={(hit) => `${hit.customerName} · ${hit.mobile ?? '—'}`}
          onPick={setPicked}
          notFound={t('desk.noHits')}
          className="full-width"
        />
      ) : (
        <Form<NewOwner> form={form} layout="vertical" aria-label={t('desk.ownerNew')}>
          <OwnerFields t={t} />
        </Form>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  )
}
