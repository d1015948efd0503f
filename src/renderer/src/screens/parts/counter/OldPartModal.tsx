import { Alert, App, Checkbox, Form, Input, Modal, Select } from 'antd'
import { useApiMutation } from '../../../api/query-client'
import { useT } from '../../../i18n'
import type { PickListT } from '../../../stores/parts-types'
import { parseQty } from '../parts-format'

interface Values {
  partId?: number
  description: string
  quantity: string
  warranty: boolean
  note: string
}

/** 旧件登记: a part taken off the car is tagged to its order (warranty ones are kept for the maker). */
export function OldPartModal({ pick, onClose }: { pick: PickListT; onClose(): void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const tag = useApiMutation('oldparts.tag', {
    form,
    showError: 'inline',
    onSuccess: (tagged) => {
      void message.success(t('pt.old.tagged', { tag: tagged.tag }))
      onClose()
    },
  })
  const { problem, isPending: busy } = tag

  const submit = (v: Values) => {
    tag.mutate({
      roId: pick.ro.id,
      ...(v.partId ? { partId: v.partId } : {}),
      description: v.description,
      quantityMilli: parseQty(v.quantity) ?? 1000,
      warranty: v.warranty,
      note: v.note ?? '',
    })
  }

  const title = t('pt.old.tagTitle', { number: pick.ro.number })
  return (
    <Modal open width={480} title={title} onCancel={onClose} onOk={() => form.submit()} okText={t('pt.old.tag')} confirmLoading={busy}>
      {problem && <Alert type="error" showIcon role="alert" title={problem} className="pt-gap" />}
      <Form<Values>
        form={form}
        layout="vertical"
        size="small"
        onFinish={submit}
        aria-label={title}
        initialValues={{ quantity: '1', warranty: false, note: '', description: '' }}
        onValuesChange={(changed: Partial<Values>) => {
          const line = pick.lines.find((l) => l.partId === changed.partId)
          if (line && !form.getFieldValue('description')) form.setFieldValue('description', line.name)
        }}
      >
        <Form.Item name="partId" label={t('entity.part')}>
          <Select allowClear options={pick.lines.map((l) => ({ value: l.partId, label: `${l.partNumber} ${l.name}` }))} />
        </Form.Item>
        <Form.Item name="description" label={t('pt.old.description')} rules={[{ required: true, message: t('form.required') }]}>
          <Input />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="quantity" label={t('pt.ledger.quantity')}>
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="warranty" label=" " valuePropName="checked">
            <Checkbox>{t('field.warranty')}</Checkbox>
          </Form.Item>
        </div>
        <Form.Item name="note" label={t('pt.note')}>
          <Input />
        </Form.Item>
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
    </Modal>
  )
}
