import { App, Button, Form, Input, Select, Table, Tag } from 'antd'
import { CUSTOMER_SHARE_REASONS } from '../../../../../shared/domain/insurance'
import { useApiMutation } from '../../../api/query-client'
import { useLocale, useT } from '../../../i18n'
import { money, todayIn, yuanTextToFen } from '../../../format'
import { useTimeZone } from '../../settlement/use-settlement'
import { formValuesOf, saveInputOf, type ClaimFormValues } from './claim-form'
import type { InsuranceLineT, InsuranceViewT } from './types'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * The claim head (insurer, policy, 报案号, insured, 免赔, assessor, dates) and the assessed amount
 * per insurer line, saved together; Enter in any field saves. Read-only without `insurance.write`
 * or once the RO is settled.
 */
export function ClaimForm({ view, canWrite }: { view: InsuranceViewT; canWrite: boolean }) {
  const t = useT()
  const locale = useLocale()
  const { message } = App.useApp()
  const today = todayIn(useTimeZone())
  const [form] = Form.useForm<ClaimFormValues>()
  const save = useApiMutation('insurance.save', { form, onSuccess: () => void message.success(t('insv.saved')) })
  const editable = canWrite && view.editable
  const required = [{ required: true, whitespace: true, message: t('insv.required') }]
  const date = (optional: boolean) => [
    ...(optional ? [] : required),
    { validator: (_: unknown, v: string | undefined) => (!v || DATE.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('insurance.badDate')))) },
  ]
  const money_ = (optional: boolean) => [
    { validator: (_: unknown, v: string | undefined) => ((optional && !v?.trim()) || yuanTextToFen(v ?? '') !== null ? Promise.resolve() : Promise.reject(new Error(t('insv.badMoney')))) },
  ]
  const text = (name: keyof ClaimFormValues, label: string, rules: object[] = [], placeholder?: string) => (
    <Form.Item name={name} label={label} rules={rules}>
      <Input aria-label={label} placeholder={placeholder} disabled={!editable} autoComplete="off" />
    </Form.Item>
  )

  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      className="ins-claim-form"
      initialValues={formValuesOf(view, today)}
      onFinish={(v) => save.mutate(saveInputOf(view, v))}
      disabled={!editable}
    >
      <div className="ins-claim-grid">
        {text('insurer', t('insv.insurer'), required)}
        {text('policyNo', t('insv.policyNo'), required)}
        {text('reportNo', t('insv.reportNo'), required)}
        {text('insuredName', t('insv.insuredName'), required)}
        {text('deductibleFen', t('insv.deductible'), money_(false))}
        {text('assessor', t('insv.assessor'))}
        {text('reportedOn', t('insv.reportedOn'), date(false), t('insv.dateHint'))}
        {text('arrivedOn', t('insv.arrivedOn'), date(false), t('insv.dateHint'))}
        {text('assessedOn', t('insv.assessedOn'), date(true), t('insv.dateHint'))}
      </div>
      {text('note', t('insv.note'))}
      {view.claim && (
        <div className="ins-due">
          {t('insv.due', { due: view.claim.assessmentDueOn, days: view.claim.assessmentDays })}{' '}
          {view.claim.assessedLate !== null && <Tag color={view.claim.assessedLate ? 'red' : 'green'}>{t(view.claim.assessedLate ? 'insv.late' : 'insv.onTime')}</Tag>}
        </div>
      )}
      <Table<InsuranceLineT>
        size="small"
        pagination={false}
        rowKey="lineId"
        className="ins-lines"
        dataSource={view.lines}
        columns={[
          { key: 'pos', title: t('insv.col.line'), dataIndex: 'position', width: 48 },
          { key: 'item', title: t('insv.col.item'), dataIndex: 'description', ellipsis: true },
          { key: 'payer', title: t('insv.col.payer'), width: 96, className: 'nowrap', render: (_, l) => t(`payer.${l.payer}`) },
          { key: 'amount', title: t('insv.col.amount'), className: 'num', width: 110, render: (_, l) => money(l.amountFen, locale) },
          {
            key: 'assessed',
            title: t('insv.col.assessed'),
            width: 120,
            render: (_, l) =>
              l.payer === 'insurance' ? (
                <Form.Item name={['assessed', String(l.lineId)]} rules={money_(true)} noStyle>
                  <Input className="num" aria-label={t('insv.assessedOf', { position: l.position })} autoComplete="off" />
                </Form.Item>
              ) : (
                '—'
              ),
          },
          { key: 'sup', title: t('insv.col.supplement'), className: 'num', width: 96, render: (_, l) => (l.supplementFen ? money(l.supplementFen, locale) : '') },
          {
            key: 'reason',
            title: t('insv.col.reason'),
            width: 170,
            render: (_, l) =>
              l.payer === 'insurance' ? (
                <Form.Item name={['reason', String(l.lineId)]} noStyle>
                  <Select aria-label={t('insv.reasonOf', { position: l.position })} options={CUSTOMER_SHARE_REASONS.map((r) => ({ value: r, label: t(`insuranceReason.${r}`) }))} />
                </Form.Item>
              ) : null,
          },
          { key: 'ins', title: t('insv.col.insurer'), className: 'num', width: 110, render: (_, l) => (l.payer === 'insurance' ? money(l.insurerFen, locale) : '') },
          { key: 'cus', title: t('insv.col.customer'), className: 'num', width: 110, render: (_, l) => (l.payer === 'insurance' ? money(l.customerFen, locale) : '') },
          { key: 'ded', title: t('insv.col.deductible'), className: 'num', width: 96, render: (_, l) => (l.deductibleFen ? money(l.deductibleFen, locale) : '') },
        ]}
      />
      {editable && (
        <Button type="primary" htmlType="submit" loading={save.isPending} className="ins-save">
          {view.claim ? t('insv.save') : t('insv.open')}
        </Button>
      )}
    </Form>
  )
}
