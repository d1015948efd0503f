import { App, Form, Modal } from 'antd'
import { useApiMutation } from '../../api/query-client'
import { useT } from '../../i18n'
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
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const update = useApiMutation('customers.update', {
    form,
    onSuccess: () => {
      void message.success(t('desk.saved'))
      onClose()
    },
  })

  const submit = (values: Values) => update.mutate({ id: owner.id, version: owner.version, ...clean({ ...values }) })

  return (
    <Modal open title={t('desk.editOwner')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={update.isPending}>
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
