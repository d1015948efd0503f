import { Form, Input, Modal } from 'antd'
import { useT } from '../../../i18n'
import { goParts } from '../parts-route'

interface Values {
  binFrom?: string
  binTo?: string
}

/** Bin labels for a stretch of shelving (e.g. ), printed with their barcodes. */
export function LabelsModal({ onClose }: { onClose(): void }) {
  const t = useT()
  const [form] = Form.useForm<Values>()
  const submit = (v: Values) => {
    const binFrom = v.binFrom?.trim().toUpperCase()
    const binTo = v.binTo?.trim().toUpperCase()
    goParts({ kind: 'labels', ...(binFrom ? { binFrom } : {}), ...(binTo ? { binTo } : {}) })
  }
  return (
    <Modal open width={420} title={t('pt.labels.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('pt.labels.preview')}>
      <Form<Values> form={form} layout="vertical" size="small" onFinish={submit} aria-label={t('pt.labels.title')}>
        <p className="muted">{t('pt.labels.hint')}</p>
        <div className="form-row">
          <Form.Item name="binFrom" label={t('field.binFrom')}>
            <Input className="mono" autoFocus />
          </Form.Item>
          <Form.Item name="binTo" label={t('field.binTo')}>
            <Input className="mono" />
          </Form.Item>
        </div>
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
    </Modal>
  )
}
