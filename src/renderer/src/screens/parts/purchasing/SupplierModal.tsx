import { Alert, App, Form, Input, Modal, Switch } from 'antd'
import { useApiMutation } from '../../../api/query-client'
import { useT } from '../../../i18n'
import { clean } from '../../../components/clean'
import type { SupplierT } from '../../../stores/parts-types'

interface Values {
  code: string
  name: string
  contact?: string
  phone?: string
  note?: string
  active: boolean
}

/** A supplier: the maker's parts centre, a distributor, or a shop external parts come from. */
export function SupplierModal({ supplier, onClose }: { supplier: SupplierT | null; onClose(): void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const save = useApiMutation('purchasing.suppliers.save', {
    form,
    showError: 'inline',
    onSuccess: () => {
      void message.success(t('pt.saved'))
      onClose()
    },
  })
  const { problem, isPending: busy } = save

  const submit = (v: Values) => {
    save.mutate({
      ...(supplier ? { id: supplier.id, version: supplier.version } : {}),
      ...clean({ contact: v.contact, phone: v.phone, note: v.note }),
      code: v.code,
      name: v.name,
      active: v.active,
    })
  }

  const title = supplier ? t('pt.supplier.edit', { code: supplier.code }) : t('pt.supplier.new')
  return (
    <Modal open width={520} title={title} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={busy}>
      {problem && <Alert type="error" showIcon role="alert" title={problem} className="pt-gap" />}
      <Form<Values>
        form={form}
        layout="vertical"
        size="small"
        onFinish={submit}
        aria-label={title}
        initialValues={{
          code: supplier?.code ?? '',
          name: supplier?.name ?? '',
          contact: supplier?.contact ?? '',
          phone: supplier?.phone ?? '',
          note: supplier?.note ?? '',
          active: supplier?.active ?? true,
        }}
      >
        <div className="form-row">
          <Form.Item name="code" label={t('pt.supplier.code')} rules={[{ required: true, message: t('form.required') }]}>
            <Input className="mono" autoFocus />
          </Form.Item>
          <Form.Item name="name" label={t('field.supplierName')} rules={[{ required: true, message: t('form.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="contact" label={t('field.contact')}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={t('field.phone')}>
            <Input />
          </Form.Item>
        </div>
        <Form.Item name="note" label={t('pt.note')}>
          <Input />
        </Form.Item>
        <Form.Item name="active" label={t('pt.activeLabel')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
    </Modal>
  )
}
