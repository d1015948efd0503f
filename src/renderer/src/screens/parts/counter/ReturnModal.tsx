import { useState } from 'react'
import { Alert, App, Form, Input, Modal } from 'antd'
import { useT } from '../../../i18n'
import type { PickLineT } from '../../../stores/parts-types'
import { parseQty, qty } from '../parts-format'
import { useCounterWrites } from '../../../stores/parts-counter-store'

interface Values {
  quantity: string
  reason: string
}

/** 退料: parts issued to the order come back to the shelf at the value they went out at. */
export function ReturnModal({ line, onClose }: { line: PickLineT; onClose(): void }) {
  const t = useT()
  const { message } = App.useApp()
  const counter = useCounterWrites()
  const [form] = Form.useForm<Values>()
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (v: Values) => {
    setBusy(true)
    const outcome = await counter.giveBack([{ partId: line.partId, quantityMilli: parseQty(v.quantity) ?? 0 }], v.reason)
    setBusy(false)
    if (!outcome.ok) return setProblem(outcome.message ?? null)
    void message.success(t('pt.counter.returned', { partNumber: line.partNumber }))
    onClose()
  }

  const title = t('pt.return.title', { partNumber: line.partNumber })
  return (
    <Modal open width={440} title={title} onCancel={onClose} onOk={() => form.submit()} okText={t('pt.pick.return')} confirmLoading={busy}>
      {problem && <Alert type="error" showIcon role="alert" title={problem} className="pt-gap" />}
      <p className="muted">{t('pt.return.issued', { n: qty(line.issuedMilli), unit: line.unit })}</p>
      <Form<Values> form={form} layout="vertical" size="small" onFinish={submit} aria-label={title} initialValues={{ quantity: qty(line.issuedMilli), reason: '' }}>
        <Form.Item
          name="quantity"
          label={t('pt.ledger.quantity')}
          rules={[{ validator: (_, v: string) => (parseQty(v ?? '') !== null ? Promise.resolve() : Promise.reject(new Error(t('pt.qty.invalid')))) }]}
        >
          <Input inputMode="decimal" autoFocus suffix={line.unit} />
        </Form.Item>
        <Form.Item name="reason" label={t('pt.ledger.reason')} rules={[{ required: true, min: 2, message: t('pt.reason.min') }]}>
          <Input placeholder={t('pt.return.reasonHint')} />
        </Form.Item>
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
    </Modal>
  )
}
