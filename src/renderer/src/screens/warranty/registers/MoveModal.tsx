import { Form, Input, Modal } from 'antd'
import type { OutputOf } from '../../../../../shared/contract/types'
import type { Contract } from '../../../../../shared/contract'
import type { RegisterAction } from '../../../../../shared/domain/warranty-register'
import { useApiMutation } from '../../../api/query-client'
import { useT } from '../../../i18n'
import { fenToYuanText, yuanTextToFen } from '../../../format'

type Detail = OutputOf<Contract['warranty.register.get']>

/** One move of an entry: the reason where the flow needs one; the maker's amount and reference on a decision. */
export function MoveModal({ entry, action, needsReason, onClose }: { entry: Detail; action: RegisterAction; needsReason: boolean; onClose(): void }) {
  const t = useT()
  const [form] = Form.useForm<{ reason: string; approved: string; makerRef: string }>()
  const move = useApiMutation('warranty.register.move', { form, onSuccess: onClose })
  const decision = action === 'approve' || action === 'return' || action === 'reject'
  const amount = action === 'approve' && entry.kind === 'over_authority'
  return (
    <Modal
      open
      title={`${t(`wtyReg.action.${action}`)} ${entry.number}`}
      okText={t(`wtyReg.action.${action}`)}
      cancelText={t('wtyReg.ui.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ reason: '', approved: entry.requestedFen === null ? '' : fenToYuanText(entry.requestedFen), makerRef: entry.makerRef }}
        onFinish={(v) => {
          const approvedFen = amount ? yuanTextToFen(v.approved ?? '') : null
          if (amount && approvedFen === null) {
            form.setFields([{ name: 'approved', errors: [t('wtyReg.approvedRequired')] }])
            return
          }
          move.mutate({
            id: entry.id,
            version: entry.version,
            action,
            reason: v.reason ?? '',
            ...(approvedFen !== null ? { approvedFen } : {}),
            ...(decision ? { makerRef: v.makerRef ?? '' } : {}),
          })
        }}
      >
        {amount && (
          <Form.Item name="approved" label={t('wtyReg.col.approved')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input inputMode="decimal" autoFocus />
          </Form.Item>
        )}
        {decision && (
          <Form.Item name="makerRef" label={t('wtyReg.col.makerRef')}>
            <Input maxLength={40} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('wtyReg.ui.reason')} rules={needsReason ? [{ required: true, min: 2, message: t('wtyReg.reasonRequired') }] : []}>
          <Input.TextArea rows={2} maxLength={200} autoFocus={!amount} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
