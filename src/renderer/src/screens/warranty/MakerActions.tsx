import { App, Button, Card, Form, Input, Radio, Select } from 'antd'
import { DECISIONS, type Decision } from '../../../../shared/domain/warranty'
import { DIFFERENCE_DISPOSITIONS, type DifferenceDisposition } from '../../../../shared/domain/warranty-money'
import { useApiMutation } from '../../api/query-client'
import { useT } from '../../i18n'
import { fenToYuanText, yuanTextToFen } from '../../format'
import { useCan } from '../../permissions'
import type { ClaimT } from './ClaimEditor'

/** What the maker answered (read in its portal), its payment, or a write-off — as the state allows. */
export function MakerActions({ claim }: { claim: ClaimT }) {
  const canWrite = useCan('warranty.write')
  if (!canWrite) return null
  if (claim.state === 'submitted' || claim.state === 'resubmitted') return <DecideForm claim={claim} />
  if (claim.state === 'approved')
    return (
      <>
        <PayForm claim={claim} />
        <WriteOffForm claim={claim} />
      </>
    )
  if (claim.state === 'rejected') return <WriteOffForm claim={claim} />
  return null
}

function DecideForm({ claim }: { claim: ClaimT }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ decision: Decision; approved: string; reason: string; makerRef: string }>()
  const decide = useApiMutation('warranty.claim.decide', { form, onSuccess: () => void message.success(t('wty.decide.recorded')) })
  const decision = Form.useWatch('decision', form)
  return (
    <Card size="small" title={t('wty.decide.title')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decision: 'approve', approved: fenToYuanText(claim.totalFen), reason: '', makerRef: '' }}
        onFinish={(v) => {
          const approvedFen = yuanTextToFen(v.approved)
          decide.mutate({
            id: claim.id,
            version: claim.version,
            decision: v.decision,
            reason: v.reason ?? '',
            makerRef: v.makerRef ?? '',
            ...(v.decision === 'approve' && approvedFen !== null ? { approvedFen } : {}),
          })
        }}
      >
        <Form.Item name="decision">
          <Radio.Group optionType="button" options={DECISIONS.map((d) => ({ value: d, label: t(`wty.decide.${d}`) }))} />
        </Form.Item>
        {decision === 'approve' && (
          <Form.Item name="approved" label={t('wty.decide.approvedAmount')}>
            <Input inputMode="decimal" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('wty.decide.reason')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="makerRef" label={t('wty.decide.makerRef')}>
          <Input maxLength={40} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={decide.isPending}>
          {t('wty.decide.record')}
        </Button>
      </Form>
    </Card>
  )
}

function PayForm({ claim }: { claim: ClaimT }) {
  const t = useT()
  const [form] = Form.useForm<{ paid: string; reference: string; disposition?: DifferenceDisposition; reason?: string }>()
  const pay = useApiMutation('warranty.claim.pay', { form })
  // On a settled RO the payment goes on the warranty invoice; what is short of the claim's share needs a decision.
  const share = claim.money.invoice ? claim.money.claimedFen : null
  return (
    <Card size="small" title={t('wty.pay.title')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ paid: fenToYuanText(share ?? claim.approvedFen ?? claim.totalFen), reference: '' }}
        onFinish={(v) =>
          pay.mutate({
            id: claim.id,
            version: claim.version,
            paidFen: yuanTextToFen(v.paid) ?? 0,
            reference: v.reference ?? '',
            ...(v.disposition && v.reason ? { difference: { disposition: v.disposition, reason: v.reason } } : {}),
          })
        }
      >
        <Form.Item name="paid" label={t('wty.pay.amount')}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="reference" label={t('wty.pay.reference')}>
          <Input maxLength={60} />
        </Form.Item>
        {share !== null && (
          <>
            <Form.Item name="disposition" label={t('wty.plist.disposition')}>
              <Select allowClear options={DIFFERENCE_DISPOSITIONS.map((d) => ({ value: d, label: t(`warranty.disposition.${d}`) }))} />
            </Form.Item>
            <Form.Item name="reason" label={t('wty.plist.reason')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={pay.isPending}>
          {t('wty.pay.title')}
        </Button>
      </Form>
    </Card>
  )
}

function WriteOffForm({ claim }: { claim: ClaimT }) {
  const t = useT()
  const [form] = Form.useForm<{ reason: string }>()
  const writeOff = useApiMutation('warranty.claim.writeOff', { form })
  return (
    <Card size="small" title={t('wty.writeOff.title')}>
      <Form form={form} layout="vertical" onFinish={(v) => writeOff.mutate({ id: claim.id, version: claim.version, reason: v.reason })}>
        <Form.Item name="reason" label={t('wty.writeOff.reason')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Button danger htmlType="submit" loading={writeOff.isPending}>
          {t('wty.writeOff.title')}
        </Button>
      </Form>
    </Card>
  )
}
