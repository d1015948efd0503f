import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd'
import { useApiMutation } from '../../../api/query-client'
import { useT } from '../../../i18n'
import { fenToYuanText, yuanTextToFen } from '../../../format'
import type { PartRowT } from '../../../stores/parts-types'
import { goParts } from '../parts-route'
import { useChannel } from '../use-parts'

interface Values {
  partNumber: string
  name: string
  brand?: string
  category?: string
  unit: string
  bin?: string
  supplierId?: number | null
  cost: string
  price: string
  active: boolean
}

/** New part, or the catalogue fields of an existing one (a bin with stock moves by transfer). */
export function PartFormModal({ part, onClose }: { part: PartRowT | null; onClose(): void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const saved = (id: number) => {
    void message.success(t('pt.saved'))
    if (!part) goParts({ kind: 'part', id })
    onClose()
  }
  const update = useApiMutation('parts.update', { form, showError: 'inline', onSuccess: (r) => saved(r.id) })
  const create = useApiMutation('parts.create', { form, showError: 'inline', onSuccess: (r) => saved(r.id) })
  const busy = update.isPending || create.isPending
  const problem = update.problem ?? create.problem
  const suppliers = useChannel('purchasing.suppliers.list', { q: '', includeInactive: false })

  const yuanRule = {
    validator: (_: unknown, v: string | undefined) =>
      v === undefined || v === '' || yuanTextToFen(v) !== null ? Promise.resolve() : Promise.reject(new Error(t('pt.money.invalid'))),
  }

  const submit = (v: Values) => {
    const fields = {
      name: v.name,
      brand: v.brand ?? '',
      category: v.category ?? '',
      unit: v.unit,
      bin: v.bin ?? '',
      supplierId: v.supplierId ?? null,
      costFen: yuanTextToFen(v.cost || '0') ?? 0,
      priceFen: yuanTextToFen(v.price) ?? 0,
      active: v.active,
    }
    if (part) update.mutate({ id: part.id, version: part.version, ...fields, ...(v.partNumber !== part.partNumber ? { partNumber: v.partNumber } : {}) })
    else create.mutate({ partNumber: v.partNumber, ...fields })
  }

  return (
    <Modal
      open
      width={620}
      title={part ? t('pt.cat.edit', { partNumber: part.partNumber }) : t('pt.cat.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={busy}
    >
      {problem && <Alert type="error" showIcon title={problem} className="pt-gap" />}
      <Form<Values>
        form={form}
        layout="vertical"
        size="small"
        onFinish={submit}
        aria-label={t('pt.cat.form')}
        initialValues={{
          partNumber: part?.partNumber ?? '',
          name: part?.name ?? '',
          brand: part?.brand ?? '',
          category: part?.category ?? '',
          unit: part?.unit ?? 'EA',
          bin: part?.bin ?? '',
          supplierId: part?.supplierId ?? null,
          cost: part ? fenToYuanText(part.costFen) : '',
          price: part ? fenToYuanText(part.priceFen) : '',
          active: part?.active ?? true,
        }}
      >
        <div className="form-row">
          <Form.Item name="partNumber" label={t('field.partNumber')} rules={[{ required: true, message: t('form.required') }]}>
            <Input className="mono" autoFocus />
          </Form.Item>
          <Form.Item name="name" label={t('field.name')} rules={[{ required: true, message: t('form.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="brand" label={t('field.brand')}>
            <Input />
          </Form.Item>
          <Form.Item name="category" label={t('field.category')}>
            <Input />
          </Form.Item>
          <Form.Item name="unit" label={t('field.unit')} rules={[{ required: true, message: t('form.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="bin" label={t('field.bin')} extra={part && part.onHandMilli > 0 ? t('pt.cat.binHint') : undefined}>
            <Input className="mono" disabled={!!part && part.onHandMilli > 0} />
          </Form.Item>
          <Form.Item name="cost" label={t('field.costFen')} rules={[yuanRule]}>
            <Input inputMode="decimal" prefix="¥" />
          </Form.Item>
          <Form.Item name="price" label={t('field.priceFen')} rules={[{ required: true, message: t('form.required') }, yuanRule]}>
            <Input inputMode="decimal" prefix="¥" />
          </Form.Item>
          <Form.Item name="supplierId" label={t('field.supplierId')}>
            <Select
              allowClear
              loading={suppliers.loading}
              options={(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
            />
          </Form.Item>
          <Form.Item name="active" label={t('pt.activeLabel')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
    </Modal>
  )
}
