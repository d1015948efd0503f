import { App, Button, Card, Empty, Form, Input, Select, Table } from 'antd'
import { useApiMutation } from '../../../api/query-client'
import { useLocale, useT } from '../../../i18n'
import { dateTime, money, todayIn, yuanTextToFen } from '../../../format'
import { useTimeZone } from '../../settlement/use-settlement'
import type { InsuranceViewT } from './types'

interface SupplementValues {
  lineId: number
  amount: string
  assessedOn: string
  note: string
}

type SupplementT = InsuranceViewT['supplements'][number]

/** The supplements (追加定损) with their dates and amounts, and a one-line form to add one. */
export function Supplements({ view, canWrite }: { view: InsuranceViewT; canWrite: boolean }) {
  const t = useT()
  const locale = useLocale()
  const { message } = App.useApp()
  const today = todayIn(useTimeZone())
  const [form] = Form.useForm<SupplementValues>()
  const add = useApiMutation('insurance.supplement', {
    form,
    onSuccess: () => {
      form.resetFields(['amount', 'note'])
      void message.success(t('insv.sup.added'))
    },
  })
  const claim = view.claim
  const insurerLines = view.lines.filter((l) => l.payer === 'insurance')
  const describe = (l: { position: number; description: string }) => t('insv.sup.row', { position: l.position, description: l.description })
  const canAdd = canWrite && view.editable && claim !== null && claim.assessedOn !== null && insurerLines.length > 0

  return (
    <Card size="small" title={t('insv.sup.title')} className="ins-supplements">
      {view.supplements.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insv.sup.none')} />
      ) : (
        <Table<SupplementT>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={view.supplements}
          columns={[
            { key: 'line', title: t('insv.sup.line'), render: (_, s) => describe(s), ellipsis: true },
            { key: 'date', title: t('insv.sup.date'), dataIndex: 'assessedOn', width: 100 },
            { key: 'amount', title: t('insv.sup.amount'), className: 'num', width: 110, render: (_, s) => money(s.amountFen, locale) },
            { key: 'note', title: t('insv.sup.note'), dataIndex: 'note', ellipsis: true },
            { key: 'by', title: '', width: 170, render: (_, s) => t('insv.sup.by', { name: s.byName, at: dateTime(s.at) }) },
          ]}
        />
      )}
      {canAdd && (
        <Form
          form={form}
          layout="inline"
          size="small"
          className="ins-sup-form"
          initialValues={{ lineId: insurerLines[0]!.lineId, amount: '', assessedOn: today, note: '' }}
          onFinish={(v) =>
            add.mutate({ roId: view.ro.id, version: claim.version, lineId: v.lineId, assessedOn: v.assessedOn.trim(), amountFen: yuanTextToFen(v.amount) ?? 0, note: v.note })
          }
        >
          <Form.Item name="lineId" label={t('insv.sup.line')}>
            <Select aria-label={t('insv.sup.line')} className="ins-sup-line" options={insurerLines.map((l) => ({ value: l.lineId, label: describe(l) }))} />
          </Form.Item>
          <Form.Item
            name="amount"
            label={t('insv.sup.amount')}
            rules={[{ validator: (_, v: string) => ((yuanTextToFen(v ?? '') ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t('insv.badMoney')))) }]}
          >
            <Input aria-label={t('insv.sup.amount')} className="num ins-sup-amount" autoComplete="off" />
          </Form.Item>
          <Form.Item name="assessedOn" label={t('insv.sup.date')}>
            <Input aria-label={t('insv.sup.date')} className="ins-sup-date" placeholder={t('insv.dateHint')} autoComplete="off" />
          </Form.Item>
          <Form.Item name="note" label={t('insv.sup.note')}>
            <Input aria-label={t('insv.sup.note')} autoComplete="off" />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('insv.sup.add')}
          </Button>
        </Form>
      )}
    </Card>
  )
}
