import { useEffect, useState } from 'react'
import { Button, Descriptions, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space, Timeline } from 'antd'
import type { OutputOf } from '../../../../../shared/contract/types'
import type { Contract } from '../../../../../shared/contract'
import { canDeleteRegister, canEditRegister, FEEDBACK_SEVERITIES, registerActionNeedsReason, type FeedbackSeverity, type RegisterAction, type RegisterKind } from '../../../../../shared/domain/warranty-register'
import { useApiMutation, useApiQuery } from '../../../api/query-client'
import { useLocale, useT } from '../../../i18n'
import { dateTime, fenToYuanText, money, yuanTextToFen } from '../../../format'
import { navigate } from '../../../router'
import { useCan } from '../../../permissions'
import { MoveModal } from './MoveModal'

type Detail = OutputOf<Contract['warranty.register.get']>

interface FormValues {
  roNumber: string
  vin: string
  claimNumber: string
  requested: string
  partText: string
  failure: string
  occurrences: number | null
  severity: FeedbackSeverity | undefined
  note: string
}

const emptyValues: FormValues = { roNumber: '', vin: '', claimNumber: '', requested: '', partText: '', failure: '', occurrences: 1, severity: undefined, note: '' }

function valuesOf(d: Detail): FormValues {
  return {
    roNumber: d.roNumber ?? '',
    vin: d.vin,
    claimNumber: d.claimNumber ?? '',
    requested: d.requestedFen === null ? '' : fenToYuanText(d.requestedFen),
    partText: d.partText,
    failure: d.failure,
    occurrences: d.occurrences,
    severity: d.severity ?? undefined,
    note: d.note,
  }
}

/** One register entry: its form while the dealer holds it, the state moves, the status log, print. */
export function RegisterDrawer({ target, onClose, onCreated }: { target: { id: number } | { kind: RegisterKind }; onClose(): void; onCreated(id: number): void }) {
  const t = useT()
  const locale = useLocale()
  const canWrite = useCan('warranty.write')
  const id = 'id' in target ? target.id : null
  const query = useApiQuery('warranty.register.get', { id: id ?? 0 }, { enabled: id !== null })
  const d = id === null ? null : (query.data ?? null)
  const kind: RegisterKind = 'kind' in target ? target.kind : (d?.kind ?? 'over_authority')
  const [form] = Form.useForm<FormValues>()
  const [moving, setMoving] = useState<RegisterAction | null>(null)
  const save = useApiMutation('warranty.register.save', { form, onSuccess: (saved) => (id === null ? onCreated(saved.id) : undefined) })
  const remove = useApiMutation('warranty.register.delete', { onSuccess: onClose })
  useEffect(() => {
    form.setFieldsValue(d ? valuesOf(d) : emptyValues)
  }, [d, form])
  const editable = canWrite && (d === null ? id === null : canEditRegister(d.state))
  // onFinish hands over only the fields on the form: the other kind's are absent.
  const submit = (v: Partial<FormValues>) => {
    const requestedText = (v.requested ?? '').trim()
    const requestedFen = requestedText ? yuanTextToFen(requestedText) : null
    if (kind === 'over_authority' && requestedFen === null) {
      form.setFields([{ name: 'requested', errors: [t('wtyReg.requestedRequired')] }])
      return
    }
    save.mutate({
      ...(d ? { id: d.id, version: d.version } : {}),
      kind,
      roNumber: v.roNumber ?? '',
      vin: v.vin ?? '',
      claimNumber: kind === 'over_authority' ? (v.claimNumber ?? '') : '',
      ...(kind === 'over_authority' && requestedFen !== null ? { requestedFen } : {}),
      partText: v.partText ?? '',
      failure: v.failure ?? '',
      ...(kind === 'quality_feedback' ? { occurrences: v.occurrences ?? 1, ...(v.severity ? { severity: v.severity } : {}) } : {}),
      note: v.note ?? '',
    })
  }
  const title = d ? `${t(`wtyReg.kind.${d.kind}`)} ${d.number} · ${t(`wtyReg.state.${d.state}`)}` : t(`wtyReg.ui.new.${kind}`)
  return (
    <Drawer open width={720} title={title} onClose={onClose} destroyOnHidden>
      {d && (
        <Space wrap style={{ marginBottom: 12 }}>
          {canWrite &&
            d.actions.map((a) => (
              <Button key={a} type={a === 'submit' || a === 'approve' ? 'primary' : 'default'} danger={a === 'reject'} onClick={() => setMoving(a)}>
                {t(`wtyReg.action.${a}`)}
              </Button>
            ))}
          <Button onClick={() => navigate({ name: 'warrantyRegisterPrint', id: d.id })}>{t('wtyReg.ui.print')}</Button>
          {canWrite && canDeleteRegister(d.state) && (
            <Popconfirm title={t('wtyReg.ui.deleteConfirm')} okText={t('wtyReg.action.delete')} cancelText={t('wtyReg.ui.cancel')} onConfirm={() => remove.mutate({ id: d.id, version: d.version })}>
              <Button danger>{t('wtyReg.action.delete')}</Button>
            </Popconfirm>
          )}
        </Space>
      )}
      {d && (
        <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('wtyReg.col.vehicle')}>{`${d.make} ${d.model} · ${d.customerName}`}</Descriptions.Item>
          <Descriptions.Item label={t('wtyReg.col.createdBy')}>{`${d.createdBy} · ${dateTime(d.createdAt)}`}</Descriptions.Item>
          {d.kind === 'over_authority' && (
            <Descriptions.Item label={t('wtyReg.col.approved')}>{d.approvedFen === null ? '—' : money(d.approvedFen, locale)}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('wtyReg.col.makerRef')}>{d.makerRef || '—'}</Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} layout="vertical" disabled={!editable} onFinish={submit} initialValues={emptyValues}>
        <Space.Compact block>
          <Form.Item name="roNumber" label={t('wtyReg.col.ro')} style={{ flex: 1 }}>
            <Input maxLength={20} autoFocus />
          </Form.Item>
          <Form.Item name="vin" label={t('wtyReg.col.vin')} style={{ flex: 1 }}>
            <Input maxLength={17} />
          </Form.Item>
          {kind === 'over_authority' && (
            <Form.Item name="claimNumber" label={t('wtyReg.col.claim')} style={{ flex: 1 }}>
              <Input maxLength={20} />
            </Form.Item>
          )}
        </Space.Compact>
        {kind === 'over_authority' ? (
          <Form.Item name="requested" label={t('wtyReg.col.requested')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input inputMode="decimal" style={{ width: 200 }} />
          </Form.Item>
        ) : (
          <Space.Compact block>
            <Form.Item name="severity" label={t('wtyReg.col.severity')} style={{ flex: 1 }} rules={[{ required: true, message: t('validation.required') }]}>
              <Select aria-label={t('wtyReg.col.severity')} options={FEEDBACK_SEVERITIES.map((s) => ({ value: s, label: t(`wtyReg.severity.${s}`) }))} />
            </Form.Item>
            <Form.Item name="occurrences" label={t('wtyReg.col.occurrences')} style={{ flex: 1 }}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Space.Compact>
        )}
        <Form.Item name="partText" label={t('wtyReg.col.part')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="failure" label={t('wtyReg.col.failure')} rules={kind === 'quality_feedback' ? [{ required: true, message: t('validation.required') }] : []}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="note" label={t(kind === 'over_authority' ? 'wtyReg.col.reasonForRequest' : 'wtyReg.col.note')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        {editable && (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('wtyReg.ui.save')}
          </Button>
        )}
      </Form>
      {d && (
        <>
          <h4 style={{ marginTop: 16 }}>{t('wtyReg.ui.log')}</h4>
          <Timeline
            items={d.log.map((l) => ({
              children: `${dateTime(l.at)} ${l.user}: ${l.fromState ? `${t(`wtyReg.state.${l.fromState}`)} → ` : ''}${t(`wtyReg.state.${l.toState}`)}${l.reason ? ` (${l.reason})` : ''}`,
            }))}
          />
        </>
      )}
      {d && moving && <MoveModal entry={d} action={moving} needsReason={registerActionNeedsReason(moving)} onClose={() => setMoving(null)} />}
    </Drawer>
  )
}
