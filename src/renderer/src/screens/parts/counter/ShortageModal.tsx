import { useState } from 'react'
import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd'
import { SHORTAGE_OUTCOMES } from '../../../../../shared/contract/parts-shapes'
import { useApiWrite } from '../../../api/query-client'
import { useT } from '../../../i18n'
import { yuanTextToFen } from '../../../format'
import type { PickLineT, PickListT, ShortageOutcome } from '../../../stores/parts-types'
import { parseQty, qty } from '../parts-format'
import { useChannel } from '../use-parts'
import { useCan } from '../../../permissions'
import { useCounterWrites } from '../../../stores/parts-counter-store'

interface Values {
  outcome: ShortageOutcome
  note: string
  supplierId?: number
  supplierName?: string
  quantity?: string
  unitCost?: string
  invoiceRef?: string
}

/**
 * 缺件: why the shelf could not serve a line — lost sale (流失), special order (订货) or external
 * purchase (外采). With the purchasing permission the order or the external purchase is raised
 * here too; otherwise only the outcome is recorded for the fill rate.
 */
export function ShortageModal({ ro, line, onClose }: { ro: PickListT['ro']; line: PickLineT; onClose(): void }) {
  const t = useT()
  const write = useApiWrite()
  const { message } = App.useApp()
  const counter = useCounterWrites()
  const canPurchase = useCan('parts.purchase')
  const [form] = Form.useForm<Values>()
  const outcome = Form.useWatch('outcome', form) ?? 'lost_sale'
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const suppliers = useChannel('purchasing.suppliers.list', canPurchase ? { q: '', includeInactive: false } : null)
  const raises = canPurchase && outcome !== 'lost_sale'

  const submit = async (v: Values) => {
    setBusy(true)
    const quantityMilli = parseQty(v.quantity ?? '') ?? line.outstandingMilli
    const unitCostFen = v.unitCost ? (yuanTextToFen(v.unitCost) ?? undefined) : undefined
    let failure: string | null = null
    if (raises && v.outcome === 'special_order') {
      const result = await write('purchasing.specialOrder', {
        roId: ro.id,
        partId: line.partId,
        quantityMilli,
        supplierId: v.supplierId ?? 0,
        note: v.note ?? '',
        ...(unitCostFen !== undefined ? { unitCostFen } : {}),
      })
      if (!result.ok) failure = result.message
    } else if (raises && v.outcome === 'external_purchase') {
      const result = await write('purchasing.external.create', {
        roId: ro.id,
        partId: line.partId,
        supplierName: v.supplierName ?? '',
        quantityMilli,
        unitCostFen: unitCostFen ?? 0,
        invoiceRef: v.invoiceRef ?? '',
        note: v.note ?? '',
      })
      if (!result.ok) failure = result.message
    } else {
      const outcome = await counter.recordShortage(line.partId, v.outcome, v.note ?? '')
      if (!outcome.ok) failure = outcome.message ?? null
    }
    setBusy(false)
    if (failure) return setProblem(failure)
    void message.success(t('pt.shortage.recorded', { outcome: `shortage.${v.outcome}` }))
    onClose()
  }

  const title = t('pt.shortage.title', { partNumber: line.partNumber })
  const required = { required: true, message: t('form.required') }
  return (
    <Modal open width={520} title={title} onCancel={onClose} onOk={() => form.submit()} okText={t('pt.confirm')} confirmLoading={busy}>
      {problem && <Alert type="error" showIcon role="alert" title={problem} className="pt-gap" />}
      <p className="muted">{t('pt.shortage.figures', { outstanding: qty(line.outstandingMilli), onHand: qty(line.onHandMilli), unit: line.unit })}</p>
      <Form<Values> form={form} layout="vertical" size="small" onFinish={submit} aria-label={title} initialValues={{ outcome: 'lost_sale', note: '', quantity: qty(line.outstandingMilli) }}>
        <Form.Item name="outcome" label={t('pt.shortage.outcome')}>
          <Radio.Group optionType="button" options={SHORTAGE_OUTCOMES.map((o) => ({ value: o, label: t(`shortage.${o}`) }))} />
        </Form.Item>
        {raises && (
          <div className="form-row">
            {outcome === 'special_order' ? (
              <Form.Item name="supplierId" label={t('field.supplierId')} rules={[required]}>
                <Select options={(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))} />
              </Form.Item>
            ) : (
              <Form.Item name="supplierName" label={t('field.supplierName')} rules={[required]}>
                <Input />
              </Form.Item>
            )}
            <Form.Item name="quantity" label={t('pt.ledger.quantity')}>
              <Input inputMode="decimal" suffix={line.unit} />
            </Form.Item>
            <Form.Item name="unitCost" label={t('field.unitCostFen')} rules={outcome === 'external_purchase' ? [required] : []}>
              <Input inputMode="decimal" prefix="¥" />
            </Form.Item>
            {outcome === 'external_purchase' && (
              <Form.Item name="invoiceRef" label={t('field.invoiceRef')}>
                <Input />
              </Form.Item>
            )}
          </div>
        )}
        {!canPurchase && outcome !== 'lost_sale' && <Alert type="info" showIcon title={t('pt.shortage.askPurchasing')} className="pt-gap" />}
        <Form.Item name="note" label={t('pt.note')}>
          <Input />
        </Form.Item>
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
    </Modal>
  )
}
