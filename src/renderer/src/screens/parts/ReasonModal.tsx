import { useState } from 'react'
import { Alert, Form, Input, Modal } from 'antd'
import { useT } from '../../i18n'

interface Props {
  title: string
  okText: string
  danger?: boolean
  /** Resolves to an error message to show, or null when done. */
  onSubmit(reason: string): Promise<string | null>
  onClose(): void
}

/** Asks for the reason an action is recorded with (closing an order, cancelling a stocktake). */
export function ReasonModal({ title, okText, danger, onSubmit, onClose }: Props) {
  const t = useT()
  const [form] = Form.useForm<{ reason: string }>()
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true)
    const failure = await onSubmit(reason)
    setBusy(false)
    if (failure) setProblem(failure)
    else onClose()
  }
  return (
    <Modal open width={440} title={title} onCancel={onClose} onOk={() => form.submit()} okText={okText} okButtonProps={{ danger }} confirmLoading={busy}>
      {problem && <Alert type="error" showIcon role="alert" title={problem} className="pt-gap" />}
      <Form form={form} layout="vertical" size="small" onFinish={submit} aria-label={title}>
        <Form.Item name="reason" label={t('pt.ledger.reason')} rules={[{ required: true, min: 2, message: t('pt.reason.min') }]}>
          <Input autoFocus />
        </Form.Item>
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
    </Modal>
  )
}
