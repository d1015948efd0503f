import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Spin, Table, Timeline } from 'antd'
import { useState } from 'react'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { CLAIM_TYPES, canEditClaim, type ClaimType } from '../../../../shared/domain/warranty'
import { failureOf, useApiMutation, useApiQuery } from '../../api/query-client'
import { useLocale, useT } from '../../i18n'
import { dateOnly, dateTime, km, milliToDecimal, money } from '../../format'
import { navigate } from '../../router'
import { useCan } from '../../permissions'
import { useHotkeys } from '../../hotkeys'
import { PrecheckPanel } from './PrecheckPanel'
import { ClaimMoney } from './ClaimMoney'
import { MakerActions } from './MakerActions'
import { ClaimStateTag } from './ClaimTable'
import { Attachments } from '../../components/Attachments'
import { PackageButtons } from './PackageButtons'

export type ClaimT = OutputOf<Contract['warranty.claim.get']>

interface FormValues {
  claimType: ClaimType
  causalPartId: number | null
  failureCode: string
  mileageKm: number
  concern: string
  cause: string
  correction: string
  hours: number[]
}

/** One claim: its header, lines, pre-check, status log and the moves its state allows. */
export function ClaimEditorScreen({ id }: { id: number }) {
  const t = useT()
  const claim = useApiQuery('warranty.claim.get', { id })
  if (claim.isLoading) return <Spin />
  if (!claim.data) return <Alert type="error" showIcon title={failureOf(claim.error)?.message ?? t('wty.today.empty')} />
  return <ClaimEditor claim={claim.data} key={claim.data.version} />
}

function ClaimEditor({ claim }: { claim: ClaimT }) {
  const t = useT()
  const locale = useLocale()
  const { message } = App.useApp()
  const [form] = Form.useForm<FormValues>()
  const canWrite = useCan('warranty.write')
  const editable = canWrite && canEditClaim(claim.state)
  const [overrides, setOverrides] = useState<Record<string, string>>({})
  const save = useApiMutation('warranty.claim.save', { form })
  const check = useApiMutation('warranty.claim.check')
  const submit = useApiMutation('warranty.claim.submit')
  const remove = useApiMutation('warranty.claim.delete', { onSuccess: () => navigate({ name: 'warranty' }) })

  const toInput = (v: FormValues) => ({
    id: claim.id,
    version: claim.version,
    claimType: v.claimType,
    causalPartId: v.causalPartId ?? null,
    failureCode: v.failureCode ?? '',
    mileageKm: v.mileageKm,
    concern: v.concern ?? '',
    cause: v.cause ?? '',
    correction: v.correction ?? '',
    labour: claim.labour.map((l, i) => ({ opCode: l.opCode, description: l.description, hoursMilli: Math.round((v.hours[i] ?? 0) * 1000), rateFen: l.rateFen })),
    parts: claim.parts.map((p) => ({ ...(p.partId === null ? {} : { partId: p.partId }), description: p.description, quantityMilli: p.quantityMilli, unitPriceFen: p.unitPriceFen })),
    expenses: claim.expenses,
  })
  /** Saves what was typed (if anything) and answers the version to move from. */
  const saved = async (): Promise<number | null> => {
    if (!form.isFieldsTouched()) return claim.version
    const values = await form.validateFields()
    const answer = await save.mutateAsync(toInput(values)).catch(() => null)
    return answer?.version ?? null
  }
  const overrideList = Object.entries(overrides)
    .filter(([, reason]) => reason.trim().length >= 2)
    .map(([rule, reason]) => ({ rule: rule as ClaimT['findings'][number]['rule'], reason: reason.trim() }))
  const onSave = async () => {
    if ((await saved()) !== null) void message.success(t('wty.editor.saved'))
  }
  const onCheck = async () => {
    const version = await saved()
    if (version === null) return
    const answer = await check.mutateAsync({ id: claim.id, version, overrides: overrideList }).catch(() => null)
    if (answer) void message.success(t('wty.check.passed'))
  }
  const onSubmit = async () => {
    const version = await saved()
    if (version === null) return
    const answer = await submit.mutateAsync({ id: claim.id, version, overrides: overrideList }).catch(() => null)
    if (answer) void message.success(t('wty.submitted'))
  }
  useHotkeys(editable ? { 'Ctrl+S': () => void onSave() } : {})

  const canCheck = editable && claim.state === 'draft'
  const canSubmit = editable && (claim.state === 'checked' || claim.state === 'returned')
  const busy = save.isPending || check.isPending || submit.isPending

  return (
    <div className="wty-editor">
      <Space className="wty-editor-bar" wrap>
        <Button onClick={() => navigate({ name: 'warranty' })}>{t('wty.back')}</Button>
        <h2 className="wty-title mono">{claim.number}</h2>
        <ClaimStateTag state={claim.state} />
        <span className="wty-muted">{t(`warranty.claimType.${claim.claimType}`)}</span>
        <span className="wty-spacer" />
        {editable && (
          <Button onClick={() => void onSave()} loading={save.isPending}>
            {t('wty.editor.save')}
          </Button>
        )}
        {canCheck && (
          <Button type="primary" onClick={() => void onCheck()} loading={busy}>
            {t('wty.check.run')}
          </Button>
        )}
        {canSubmit && (
          <Button type="primary" onClick={() => void onSubmit()} loading={busy}>
            {t('wty.submit')}
          </Button>
        )}
        {canWrite && claim.state === 'draft' && (
          <Button danger onClick={() => remove.mutate({ id: claim.id, version: claim.version })} loading={remove.isPending}>
            {t('wty.editor.delete')}
          </Button>
        )}
        <Button onClick={() => navigate({ name: 'warrantyClaimPrint', id: claim.id })}>{t('wty.editor.print')}</Button>
        <PackageButtons ids={[claim.id]} />
      </Space>

      <div className="wty-editor-grid">
        <div className="wty-editor-main">
          <Card size="small" title={t('wty.editor.header')}>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={t('wty.editor.ro')}>
                <span className="mono">{claim.ro.number}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('wty.editor.vehicle')}>{`${claim.vehicle.plate ?? '—'} · ${claim.vehicle.make} ${claim.vehicle.model}`}</Descriptions.Item>
              <Descriptions.Item label={t('field.vin')}>
                <span className="mono">{claim.vehicle.vin}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('field.customer')}>{claim.customerName}</Descriptions.Item>
              <Descriptions.Item label={t('wty.col.completed')}>{dateOnly(claim.ro.completedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('field.odometerKm')}>{km(claim.ro.odometerKm, locale)}</Descriptions.Item>
            </Descriptions>
            {!editable && <Alert type="info" showIcon className="wty-readonly" title={t('wty.editor.readOnly')} />}
            <Form<FormValues>
              form={form}
              layout="vertical"
              disabled={!editable}
              className="wty-form"
              initialValues={{
                claimType: claim.claimType,
                causalPartId: claim.causalPart?.id ?? null,
                failureCode: claim.failureCode,
                mileageKm: claim.mileageKm,
                concern: claim.concern,
                cause: claim.cause,
                correction: claim.correction,
                hours: claim.labour.map((l) => l.hoursMilli / 1000),
              }}
            >
              <div className="wty-form-row">
                <Form.Item name="claimType" label={t('wty.editor.claimType')}>
                  <Select options={CLAIM_TYPES.map((c) => ({ value: c, label: t(`warranty.claimType.${c}`) }))} />
                </Form.Item>
                <Form.Item name="causalPartId" label={t('wty.editor.causalPart')}>
                  <Select
                    options={[{ value: null, label: t('wty.editor.noCausalPart') }, ...claim.roParts.map((p) => ({ value: p.id, label: `${p.partNumber} ${p.name}` }))]}
                  />
                </Form.Item>
                <Form.Item name="failureCode" label={t('wty.editor.failureCode')}>
                  <Input maxLength={20} />
                </Form.Item>
                <Form.Item name="mileageKm" label={t('wty.editor.mileage')} rules={[{ required: true }]}>
                  <InputNumber min={0} max={9_999_999} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </div>
              <Form.Item name="concern" label={t('warranty.field.concern')}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
              </Form.Item>
              <Form.Item name="cause" label={t('warranty.field.cause')}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
              </Form.Item>
              <Form.Item name="correction" label={t('warranty.field.correction')}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
              </Form.Item>
              <Card size="small" type="inner" title={t('wty.editor.labour')}>
                <Table
                  size="small"
                  rowKey={(_, i) => String(i)}
                  pagination={false}
                  dataSource={claim.labour}
                  columns={[
                    { title: t('wty.editor.opCode'), dataIndex: 'opCode', className: 'mono', width: 100 },
                    { title: t('wty.editor.description'), dataIndex: 'description' },
                    {
                      title: t('wty.editor.hours'),
                      key: 'hours',
                      width: 120,
                      render: (_, __, i) => (
                        <Form.Item name={['hours', i]} noStyle rules={[{ required: true }]}>
                          <InputNumber min={0.1} max={999} step={0.1} precision={1} aria-label={t('wty.editor.hours')} />
                        </Form.Item>
                      ),
                    },
                    { title: t('wty.editor.standard'), dataIndex: 'standardHoursMilli', width: 90, render: (m: number | null) => (m === null ? '—' : milliToDecimal(m)) },
                    { title: t('wty.editor.rate'), dataIndex: 'rateFen', align: 'right', width: 100, render: (f: number) => money(f, locale) },
                    { title: t('wty.editor.amount'), dataIndex: 'amountFen', align: 'right', width: 110, render: (f: number) => money(f, locale) },
                  ]}
                />
              </Card>
            </Form>
            <Card size="small" type="inner" title={t('wty.editor.parts')}>
              <Table
                size="small"
                rowKey={(_, i) => String(i)}
                pagination={false}
                dataSource={claim.parts}
                columns={[
                  { title: t('wty.editor.partNumber'), dataIndex: 'partNumber', className: 'mono', width: 140, render: (p: string | null) => p ?? '—' },
                  { title: t('wty.editor.description'), dataIndex: 'description' },
                  { title: t('wty.editor.quantity'), dataIndex: 'quantityMilli', width: 80, render: (m: number) => milliToDecimal(m) },
                  { title: t('wty.editor.rate'), dataIndex: 'unitPriceFen', align: 'right', width: 100, render: (f: number) => money(f, locale) },
                  { title: t('wty.editor.amount'), dataIndex: 'amountFen', align: 'right', width: 110, render: (f: number) => money(f, locale) },
                ]}
              />
            </Card>
            <p className="wty-totals">
              {t('wty.editor.totals', {
                labour: money(claim.labourFen, locale),
                parts: money(claim.partsFen, locale),
                other: money(claim.otherFen, locale),
                total: money(claim.totalFen, locale),
              })}
            </p>
          </Card>
        </div>
        <div className="wty-editor-side">
          {canEditClaim(claim.state) && <PrecheckPanel findings={claim.findings} overrides={overrides} onOverride={(rule, reason) => setOverrides((o) => ({ ...o, [rule]: reason }))} />}
          <Attachments ownerKind="warranty_claim" ownerId={claim.id} editable={canWrite} />
          <MakerActions claim={claim} />
          <ClaimMoney claim={claim} />
          <Card size="small" title={t('wty.editor.log')}>
            <Timeline
              items={claim.log.map((l) => ({
                children: (
                  <div>
                    <strong>{t(`warranty.state.${l.toState}`)}</strong> · {l.userName} · {dateTime(l.at)}
                    {l.reason && <div className="wty-muted">{l.reason}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </div>
      </div>
    </div>
  )
}
