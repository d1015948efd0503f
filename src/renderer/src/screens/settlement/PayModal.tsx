import { useState } from 'react'
import { Alert, App, Form, Input, Modal, Segmented } from 'antd'
import { PAYMENT_METHODS, type PaymentMethod } from '../../../../shared/domain/settlement'
import { useLocale, useT } from '../../i18n'
import { fenToYuanText, money, yuanTextToFen } from '../../format'
import { DecimalInput } from '../../components/DecimalInput'
import { type InvoiceT, useSettlementWrite } from '../../stores/settlement-store'
import { applyPayment } from '../../../../shared/domain/cash-change'

const positiveFen = (text: string) => {
  const fen = yuanTextToFen(text)
  return fen !== null && fen > 0 ? fen : null
}

/** A later payment on one open invoice: the rest of the customer's bill, or an insurer's transfer. */
export function PayModal({ invoice, onClose }: { invoice: InvoiceT; onClose(): void }) {
  const t = useT()
  const locale = useLocale()
  const { message } = App.useApp()
  const write = useSettlementWrite()
  const [method, setMethod] = useState<PaymentMethod>(invoice.payer === 'customer' ? 'cash' : 'transfer')
  const [amountFen, setAmount] = useState(invoice.balanceFen)
  const [reference, setReference] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // Cash over the balance gives change; other methods are refused by the host (and here, before sending).
  const taken = applyPayment(invoice.balanceFen, { method, amountFen })
  const title = t('stl.payLater.title', { number: invoice.number, payer: `payer.${invoice.payer}`, balance: money(invoice.balanceFen, locale) })

  const submit = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    const result = await write('settlement.pay', { invoiceId: invoice.id, method, amountFen, reference: reference.trim() })
    setBusy(false)
    if (!result.ok) return setError(result.message)
    const done = t('stl.payLater.done', { amount: money(taken.ok ? taken.appliedFen : amountFen, locale), number: invoice.number })
    void message.success(taken.ok && taken.changeFen > 0 ? `${done}${t('stl.change.toast', { change: money(taken.changeFen, locale) })}` : done)
    onClose()
  }

  return (
    <Modal open title={title} onCancel={onClose} onOk={() => void submit()} okText={t('stl.payLater.submit')} confirmLoading={busy} okButtonProps={{ disabled: !taken.ok }}>
      <Form layout="vertical" aria-label={title} onFinish={() => void submit()}>
        <Form.Item label={t('stl.pay.method')}>
          <Segmented<PaymentMethod> value={method} onChange={setMethod} options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`paymentMethod.${m}`) }))} />
        </Form.Item>
        <Form.Item
          label={method === 'cash' ? t('stl.change.tendered') : t('field.amountFen')}
          extra={t('stl.payLater.balance', { balance: money(invoice.balanceFen, locale) })}
          validateStatus={taken.ok ? undefined : 'error'}
          help={
            taken.ok ? (
              taken.changeFen > 0 ? (
                <strong className="stl-change" role="status">
                  {t('stl.change.line', { change: money(taken.changeFen, locale) })}
                </strong>
              ) : undefined
            ) : (
              t('stl.change.nonCash', { method: `paymentMethod.${method}` })
            )
          }
        >
          <DecimalInput value={amountFen} toText={fenToYuanText} parse={positiveFen} onCommit={setAmount} ariaLabel={t('field.amountFen')} className="num stl-amount" />
        </Form.Item>
        <Form.Item label={t('field.reference')}>
          <Input value={reference} maxLength={60} onChange={(e) => setReference(e.target.value)} aria-label={t('field.reference')} placeholder={t(`stl.pay.referenceHint.${method}`)} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
    </Modal>
  )
}
