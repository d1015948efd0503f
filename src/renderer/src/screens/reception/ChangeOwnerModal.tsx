import { useState } from 'react'
import { Alert, App, Form, Modal, Segmented, Typography } from 'antd'
import { failureOf, useApiMutation } from '../../api/query-client'
import { useT } from '../../i18n'
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
  const { message } = App.useApp()
  const [mode, setMode] = useState<'existing' | 'new'>('existing')
  const [picked, setPicked] = useState<SearchHitT | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [form] = Form.useForm<NewOwner>()

  // The dialog shows its failures itself, next to what was picked or typed.
  const changeOwner = useApiMutation('vehicles.changeOwner', { showError: false })
  const createCustomer = useApiMutation('customers.create', { form, showError: false })

  const change = async (customerId: number) => {
    await changeOwner.mutateAsync({ id: vehicle.id, version: vehicle.version, customerId })
    void message.success(t('desk.ownerChanged'))
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
        const created = await createCustomer.mutateAsync(clean({ ...values }) as NewOwner)
        await change(created.id)
      }
    } catch (error) {
      // A refused write shows its message here; failed field validation shows at the fields.
      const failure = failureOf(error)
      if (failure) setError(failure.message)
    } finally {
      setBusy(false)
    }
  }

  // One option per customer (a customer with two cars is found twice), never the present owner.
  const otherCustomers = (hits: SearchHitT[]) => {
    const seen = new Set<number>()
    return hits.filter((hit) => hit.customerId !== owner.id && !seen.has(hit.customerId) && seen.add(hit.customerId))
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
        <RemoteSelect
          ariaLabel={t('desk.pickCustomer')}
          placeholder={t('desk.customerSearch')}
          autoFocus
          keepValue
          channel="reception.search"
          input={(q) => ({ q, limit: 20 })}
          items={otherCustomers}
          keyOf={(hit) => hit.customerId}
          labelOf={(hit) => `${hit.customerName} · ${hit.mobile ?? '—'}`}
          onPick={(hit) => setPicked(hit)}
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
