import { Form, Input, InputNumber } from 'antd'
import { checkVin, normaliseVin } from '../../../../shared/domain/vin'
import { checkPlate, normalisePlate } from '../../../../shared/domain/plate'
import { isMobile, isLandline } from '../../../../shared/domain/phone'
import type { T } from '../../i18n'

// Field rules checked as the advisor types, with the same domain checks and catalog messages the
// host uses, so a wrong VIN is caught at the counter, not after the customer has left.

export const vinRule = (t: T) => ({
  validator: (_rule: unknown, value: string | undefined) => {
    const vin = normaliseVin(value ?? '')
    if (!vin) return Promise.reject(new Error(t('form.required')))
    const problem = checkVin(vin)
    return problem ? Promise.reject(new Error(t(`vin.${problem}`))) : Promise.resolve()
  },
})

export const plateRule = (t: T) => ({
  validator: (_rule: unknown, value: string | undefined) => {
    const plate = normalisePlate(value ?? '')
    if (!plate || checkPlate(plate)) return Promise.resolve()
    // Short: the field's hint right below already gives the examples (the API's message has them).
    return Promise.reject(new Error(t('desk.plateInvalid')))
  },
})

export const mobileRule = (t: T, required: boolean) => ({
  validator: (_rule: unknown, value: string | undefined) => {
    if (!value?.trim()) return required ? Promise.reject(new Error(t('form.required'))) : Promise.resolve()
    return isMobile(value) ? Promise.resolve() : Promise.reject(new Error(t('phone.invalid')))
  },
})

export const phoneRule = (t: T) => ({
  validator: (_rule: unknown, value: string | undefined) => {
    if (!value?.trim() || isMobile(value) || isLandline(value)) return Promise.resolve()
    return Promise.reject(new Error(t('phone.invalid')))
  },
})

/** Make, model, year and colour: the same on registration and edit. */
export function VehicleDescriptionFields({ t }: { t: T }) {
  return (
    <>
      <div className="form-row">
        <Form.Item name="make" label={t('field.make')} rules={[{ required: true, message: t('form.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="model" label={t('field.model')} rules={[{ required: true, message: t('form.required') }]}>
          <Input />
        </Form.Item>
      </div>
      <div className="form-row">
        <Form.Item name="modelYear" label={t('field.modelYear')}>
          <InputNumber min={1950} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="colour" label={t('field.colour')}>
          <Input />
        </Form.Item>
      </div>
      <Form.Item name="engineNo" label={t('field.engineNo')}>
        <Input />
      </Form.Item>
    </>
  )
}

export function PlateField({ t }: { t: T }) {
  const plate = Form.useWatch<string | undefined>('plate')
  const kind = plate ? checkPlate(normalisePlate(plate))?.kind : undefined
  return (
    <Form.Item
      name="plate"
      label={t('field.plate')}
      rules={[plateRule(t)]}
      validateTrigger={['onChange', 'onBlur']}
      extra={kind ? t(`desk.energy.${kind}`) : t('desk.plateHint')}
    >
      <Input autoComplete="off" />
    </Form.Item>
  )
}
