import { useEffect, useRef, useState } from 'react'
import { Alert, App, Form, Input, Modal, Radio, Select, Typography, type InputRef } from 'antd'
import type { TextAreaRef } from 'antd/es/input/TextArea'
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, type ComplaintCategory, type ComplaintSeverity } from '../../../../shared/domain/care'
import { isOpen } from '../../../../shared/domain/ro-state'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { dateTime } from '../../format'
import { useHotkeys } from '../../hotkeys'
import { ComplaintCustomerPick, type Picked } from './ComplaintCustomerPick'
import './care.css'

type DeskSource = 'desk' | 'phone' | 'hotline'
const SOURCES: DeskSource[] = ['desk', 'phone', 'hotline']

interface Values {
  customerId?: number
  roId?: number | 'none'
  source: DeskSource
  category?: ComplaintCategory
  severity: ComplaintSeverity
  words?: string
}

interface Props {
  /** The car open on the desk, picked already (the search still changes it). */
  vehicleId?: number
  source?: DeskSource
  onClose(): void
}

/**
 * 登记投诉 at the desk or on the phone, in one form: who (the desk's search), which RO, where it
 * came from, what kind, how bad, and the customer's words. Enter saves (Shift+Enter: a new line
 * in the words); the deadline by severity comes back from the host and is shown on saving.
 */
export function ComplaintRegisterModal({ vehicleId, source = 'desk', onClose }: Props) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [picked, setPicked] = useState<Picked | null>(null)
  const [useDeskCar, setUseDeskCar] = useState(vehicleId !== undefined)
  const words = useRef<TextAreaRef>(null)
  const search = useRef<InputRef>(null)
  const deskCar = useApiQuery('vehicles.get', { id: vehicleId ?? 0 }, { enabled: useDeskCar && vehicleId !== undefined })
  const current: Picked | null =
    picked ??
    (useDeskCar && deskCar.data
      ? {
          customerId: deskCar.data.owner.id,
          customerName: deskCar.data.owner.name,
          mobile: deskCar.data.owner.mobile,
          vehicleId: deskCar.data.vehicle.id,
          plate: deskCar.data.vehicle.plate,
          model: `${deskCar.data.vehicle.make} ${deskCar.data.vehicle.model}`,
          openRoId: deskCar.data.repairOrders.find((ro) => isOpen(ro.state))?.id ?? null,
        }
      : null)
  const vehicle = useApiQuery('vehicles.get', { id: current?.vehicleId ?? 0 }, { enabled: current?.vehicleId != null })
  const ros = current?.vehicleId != null ? (vehicle.data?.repairOrders ?? []) : []

  useEffect(() => {
    form.setFieldsValue({ customerId: current?.customerId, roId: current?.openRoId ?? 'none' })
  }, [form, current?.customerId, current?.openRoId])

  const open = useApiMutation('care.complaints.open', {
    form,
    showError: 'inline',
    onSuccess: (c) => {
      void message.success(t('careDesk.saved', { number: c.number, dueAt: dateTime(c.dueAt) }))
      onClose()
    },
  })
  const submit = (v: Values) => {
    if (!current || !v.category) return
    open.mutate({
      source: v.source,
      category: v.category,
      severity: v.severity,
      words: v.words ?? '',
      customerId: current.customerId,
      ...(current.vehicleId != null ? { vehicleId: current.vehicleId } : {}),
      ...(typeof v.roId === 'number' ? { roId: v.roId } : {}),
    })
  }
  useHotkeys({ 'Ctrl+Enter': () => form.submit() })

  const pick = (p: Picked | null) => {
    setUseDeskCar(false)
    setPicked(p)
    form.setFields([{ name: 'customerId', errors: [] }])
    setTimeout(() => (p ? words.current?.focus() : search.current?.focus()), 0)
  }

  return (
    <Modal
      open
      width={640}
      title={t('careDesk.registerTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={open.isPending}
      destroyOnHidden
    >
      {open.problem && <Alert type="error" showIcon title={open.problem} className="care-section" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        aria-label={t('careDesk.registerTitle')}
        initialValues={{ source, severity: 'medium', roId: 'none' }}
      >
        <Form.Item label={t('careDesk.find')} name="customerId" rules={[{ required: true, message: t('careDesk.pickCustomer') }]}>
          <ComplaintCustomerPick picked={current} onPick={pick} inputRef={search} />
        </Form.Item>
        <Form.Item label={t('careDesk.ro')} name="roId">
          <Select<number | 'none'>
            aria-label={t('careDesk.ro')}
            disabled={ros.length === 0}
            options={[
              { value: 'none', label: t('careDesk.noRo') },
              ...ros.map((ro) => ({ value: ro.id, label: `${ro.number} · ${dateTime(ro.openedAt)} · ${t(`roState.${ro.state}`)}` })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('care.complaint.source')} name="source">
          <Radio.Group optionType="button" aria-label={t('care.complaint.source')} options={SOURCES.map((s) => ({ value: s, label: t(`complaintSource.${s}`) }))} />
        </Form.Item>
        <Form.Item label={t('care.complaint.category')} name="category" rules={[{ required: true, message: t('careDesk.pickCategory') }]}>
          <Radio.Group optionType="button" aria-label={t('care.complaint.category')} options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`complaintCategory.${c}`) }))} />
        </Form.Item>
        <Form.Item label={t('care.complaint.severity')} name="severity">
          <Radio.Group optionType="button" aria-label={t('care.complaint.severity')} options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: t(`complaintSeverity.${s}`) }))} />
        </Form.Item>
        <Form.Item label={t('care.complaint.words')} name="words" rules={[{ required: true, min: 2, message: t('careDesk.wordsNeeded') }]}>
          <Input.TextArea
            ref={words}
            rows={3}
            maxLength={500}
            aria-label={t('care.complaint.words')}
            placeholder={t('careDesk.wordsPlaceholder')}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return
              e.preventDefault()
              form.submit()
            }}
          />
        </Form.Item>
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
      <Typography.Text type="secondary" className="care-register-keys">
        {t('careDesk.keys')}
      </Typography.Text>
    </Modal>
  )
}
