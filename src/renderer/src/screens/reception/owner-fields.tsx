import { Form, Input, Segmented } from 'antd'
import type { T } from '../../i18n'
import { mobileRule, phoneRule } from './vehicle-fields'

/** A customer's own fields; `prefix` places them inside a larger form (`newOwner`). */
export function OwnerFields({ t, prefix = [] }: { t: T; prefix?: string[] }) {
  const name = (field: string) => [...prefix, field]
  return (
    <>
      <Form.Item name={name('kind')} label={t('field.kind')} initialValue="person">
        <Segmented
          options={[
            { value: 'person', label: t('desk.customerKind.person') },
            { value: 'company', label: t('desk.customerKind.company') },
          ]}
        />
      </Form.Item>
      <Form.Item name={name('name')} label={t('field.name')} rules={[{ required: true, message: t('form.required') }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <div className="form-row">
        <Form.Item name={name('mobile')} label={t('field.mobile')} rules={[mobileRule(t, false)]} validateTrigger={['onChange', 'onBlur']}>
          <Input autoComplete="off" inputMode="tel" />
        </Form.Item>
        <Form.Item name={name('phone2')} label={t('field.phone2')} rules={[phoneRule(t)]}>
          <Input autoComplete="off" inputMode="tel" />
        </Form.Item>
      </div>
      <Form.Item name={name('address')} label={t('field.address')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name={name('note')} label={t('field.note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  )
}
