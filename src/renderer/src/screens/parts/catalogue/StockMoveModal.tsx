import { Alert, App, Form, Input, Modal } from 'antd'
import { useApiMutation } from '../../../api/query-client'
import { useT } from '../../../i18n'
import { fenToYuanText, yuanTextToFen } from '../../../format'
import type { PartRowT } from '../../../stores/parts-types'
import { parseQty } from '../parts-format'

export type StockOp = 'receive' | 'adjust' | 'transfer'

interface Values {
  quantity?: string
  unitCost?: string
  toBin?: string
  reason: string
}

/** A signed quantity for an adjustment: "-2" takes two off, "1.5" adds one and a half. */
function parseSigned(text: string): number | null {
  const trimmed = text.normalize('NFKC').trim()
  const negative = trimmed.startsWith('-')
  const milli = parseQty(negative ? trimmed.slice(1) : trimmed.replace(/^\+/, ''))
  return milli === null ? null : negative ? -milli : milli
}

/** Stock changes outside an order: a receipt (opening stock), an adjustment with its reason, a bin transfer. */
export function StockMoveModal({ part, op, onClose }: { part: PartRowT; op: StockOp; onClose(): void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const done = {
    form,
    showError: 'inline' as const,
    onSuccess: () => {
      void message.success(t('pt.saved'))
      onClose()
    },
  }
  const receive = useApiMutation('stock.receive', done)
  const adjust = useApiMutation('stock.adjust', done)
  const transfer = useApiMutation('stock.transfer', done)
  const busy = receive.isPending || adjust.isPending || transfer.isPending
  const problem = receive.problem ?? adjust.problem ?? transfer.problem

  const submit = (v: Values) => {
    const unitCostFen = v.unitCost ? (yuanTextToFen(v.unitCost) ?? undefined) : undefined
    const cost = unitCostFen !== undefined ? { unitCostFen } : {}
    if (op === 'receive') receive.mutate({ partId: part.id, quantityMilli: parseQty(v.quantity ?? '') ?? 0, reason: v.reason, ...cost })
    else if (op === 'adjust') adjust.mutate({ partId: part.id, quantityMilli: parseSigned(v.quantity ?? '') ?? 0, reason: v.reason, ...cost })
    else transfer.mutate({ partId: part.id, version: part.version, toBin: v.toBin ?? '', reason: v.reason })
  }

  const quantityRule = {
    validator: (_: unknown, text: string | undefined) =>
      (op === 'adjust' ? parseSigned(text ?? '') : parseQty(text ?? '')) !== null ? Promise.resolve() : Promise.reject(new Error(t('pt.qty.invalid'))),
  }
  const costRule = {
    validator: (_: unknown, text: string | undefined) =>
      !text || yuanTextToFen(text) !== null ? Promise.resolve() : Promise.reject(new Error(t('pt.money.invalid'))),
  }

  return (
    <Modal
      open
      width={460}
      title={t(`pt.op.${op}`, { partNumber: part.partNumber })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('pt.confirm')}
      confirmLoading={busy}
    >
      {problem && <Alert type="error" showIcon title={problem} className="pt-gap" role="alert" />}
      <Form<Values> form={form} layout="vertical" size="small" onFinish={submit} aria-label={t(`pt.op.${op}`, { partNumber: part.partNumber })}>
        {op === 'transfer' ? (
          <Form.Item name="toBin" label={t('field.toBin')} rules={[{ required: true, message: t('form.required') }]} extra={t('pt.op.transferHint', { bin: part.bin ?? '—' })}>
            <Input className="mono" autoFocus />
          </Form.Item>
        ) : (
          <div className="form-row">
            <Form.Item name="quantity" label={op === 'adjust' ? t('pt.op.signedQuantity') : t('pt.ledger.quantity')} rules={[quantityRule]}>
              <Input inputMode="decimal" autoFocus suffix={part.unit} />
            </Form.Item>
            <Form.Item name="unitCost" label={t('field.unitCostFen')} rules={[costRule]} extra={t('pt.op.costHint', { cost: fenToYuanText(part.avgCostFen) })}>
              <Input inputMode="decimal" prefix="¥" />
            </Form.Item>
          </div>
        )}
        <Form.Item name="reason" label={t('pt.ledger.reason')} rules={[{ required: true, min: 2, message: t('pt.reason.min') }]}>
          <Input />
        </Form.Item>
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
    </Modal>
  )
}
