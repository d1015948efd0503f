import { useState } from 'react'
import { App, Form, Modal } from 'antd'
import { useStores } from '../../stores/context'
import { useT } from '../../i18n'
import { applyFailure } from '../../components/form-errors'
import { clean } from '../../components/clean'
import type { CustomerT } from '../../stores/types'
import { OwnerFields } from './owner-fields'

interface Values {
  kind: 'person' | 'company'
  name: string
  mobile?: string
  phone2?: string
  address?: string
  note?: string
}

export function EditOwnerModal({ owner, onClose }: { owner: CustomerT; onClose(): void }) {
  const t = useT()
  const { api, reception } = useStores()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)

  const submit = async (values: Values) => {
    setBusy(true)
    const result = await api.call('customers.update', { id: owner.id, version: owner.version, ...clean({ ...values }) })
    setBusy(false)
    const vehicleId = reception.getState().detail?.vehicle.id
    if (!result.ok) {
      applyFailure(form, result)
      void message.error(result.message)
      return
    }
    void message.success(t('desk.saved'))
    if (vehicleId) void reception.getState().loadVehicle(vehicleId)
    onClose()
  }

  return (
    <Modal open title={t('desk.editOwner')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={busy}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        aria-label={t('desk.editOwner')}
        initialValues={{
          kind: owner.kind,
          name: owner.name,
          mobile: owner.mobile ?? undefined,
          phone2: owner.phone2 ?? undefined,
          address: owner.address ?? undefined,
          note: owner.note ?? undefined,
        }}
      >
        <OwnerFields t={t} />
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
    </Modal>
  )
}
