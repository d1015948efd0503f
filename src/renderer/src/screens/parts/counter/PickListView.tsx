import { useEffect, useState } from 'react'
import { Alert, App, Button, Descriptions, Input, Skeleton, Space, Table, Tag } from 'antd'
import { useT } from '../../../i18n'
import { useHotkeys } from '../../../hotkeys'
import type { PickLineT } from '../../../stores/parts-types'
import { goParts } from '../parts-route'
import { parseQty, qty } from '../parts-format'
import { useCan } from '../../../permissions'
import { useCounterUi, useCounterWrites, usePickList } from '../../../stores/parts-counter-store'
import { BackLink } from '../BackLink'
import { RoStateTag } from './RoStateTag'
import { ReturnModal } from './ReturnModal'
import { ShortageModal } from './ShortageModal'
import { OldPartModal } from './OldPartModal'
import { RefusalAlert } from './RefusalAlert'

type Dialog = { kind: 'return' | 'shortage'; line: PickLineT } | { kind: 'oldPart' } | null

/**
 * 拣货单: an order's part lines in bin order. Issue (all or part of a line), return, or record
 * why the shelf could not serve it; a refusal names the part and what is on hand.
 */
export function PickListView({ roId }: { roId: number }) {
  const t = useT()
  const { message } = App.useApp()
  const { pick, error } = usePickList(roId)
  const refusal = useCounterUi((s) => (s.roId === roId ? s.refusal : null))
  const busy = useCounterUi((s) => s.busy)
  const counter = useCounterWrites()
  const canIssue = useCan('parts.issue')
  const [amounts, setAmounts] = useState<Record<number, string>>({})
  const [dialog, setDialog] = useState<Dialog>(null)

  useEffect(() => useCounterUi.getState().open(roId), [roId])
  useEffect(() => setAmounts({}), [roId])
  useHotkeys({
    Escape: () => dialog === null && goParts({ kind: 'tab', tab: 'counter' }),
    'Ctrl+P': () => goParts({ kind: 'pickPrint', roId }),
  })

  if (error && !pick) return <Alert type="error" showIcon title={error} />
  if (!pick) return <Skeleton active />

  const amountOf = (line: PickLineT) => amounts[line.partId] ?? (line.outstandingMilli > 0 ? qty(line.outstandingMilli) : '')
  const outstanding = pick.lines.filter((l) => l.outstandingMilli > 0)

  const issue = async (lines: { partId: number; quantityMilli: number }[]) => {
    const outcome = await counter.issue(lines)
    if (!outcome.ok) return
    void message.success(t('pt.counter.issued', { n: lines.length }))
    setAmounts({})
  }
  const issueLine = (line: PickLineT) => {
    const quantityMilli = parseQty(amountOf(line))
    if (quantityMilli === null) return void message.error(t('pt.qty.invalid'))
    void issue([{ partId: line.partId, quantityMilli }])
  }

  return (
    <div className="pt-view">
      <div className="panel-head">
        <h2 className="panel-heading">
          <BackLink view={{ kind: 'tab', tab: 'counter' }} />
          {t('pt.pick.title')}
          <span className="mono">{pick.ro.number}</span>
          <RoStateTag state={pick.ro.state} />
        </h2>
        <Space wrap>
          <Button onClick={() => goParts({ kind: 'pickPrint', roId })}>{t('pt.pick.print')}</Button>
          {canIssue && <Button onClick={() => setDialog({ kind: 'oldPart' })}>{t('pt.old.tag')}</Button>}
          {canIssue && (
            <Button
              type="primary"
              // Disabled rather than a spinner: an issue answers within a frame and the spinner's exit
              // animation would flicker.
              disabled={outstanding.length === 0 || busy}
              onClick={() => void issue(outstanding.map((l) => ({ partId: l.partId, quantityMilli: l.outstandingMilli })))}
            >
              {t('pt.pick.issueAll')}
            </Button>
          )}
        </Space>
      </div>
      <Descriptions size="small" column={4} className="pt-gap">
        <Descriptions.Item label={t('field.plate')}>{pick.ro.plate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.model')}>{pick.ro.model}</Descriptions.Item>
        <Descriptions.Item label={t('field.customer')}>{pick.ro.customerName}</Descriptions.Item>
        <Descriptions.Item label={t('pt.pick.lines')}>{pick.lines.length}</Descriptions.Item>
      </Descriptions>
      {refusal && <RefusalAlert refusal={refusal} onClose={() => useCounterUi.getState().dismissRefusal()} />}
      <Table<PickLineT>
        size="small"
        rowKey="partId"
        dataSource={pick.lines}
        pagination={false}
        aria-label={t('pt.pick.title')}
        locale={{ emptyText: t('pt.pick.empty') }}
        rowClassName={(l) => (refusal?.partId === l.partId ? 'line-error' : l.outstandingMilli === 0 ? 'pt-row-done' : '')}
        columns={[
          { title: t('field.bin'), dataIndex: 'bin', width: 90, render: (v: string | null) => <span className="mono pt-bin">{v ?? '—'}</span> },
          { title: t('field.partNumber'), dataIndex: 'partNumber', width: 150, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('field.name'), dataIndex: 'name', ellipsis: true },
          { title: t('field.unit'), dataIndex: 'unit', width: 50 },
          { title: t('pt.pick.requested'), dataIndex: 'requestedMilli', width: 60, align: 'right', render: (v: number) => <span className="num">{qty(v)}</span> },
          { title: t('pt.pick.issued'), dataIndex: 'issuedMilli', width: 60, align: 'right', render: (v: number) => <span className="num">{qty(v)}</span> },
          {
            title: t('pt.pick.outstanding'),
            dataIndex: 'outstandingMilli',
            width: 60,
            align: 'right',
            render: (v: number) => <span className={v > 0 ? 'num pt-strong' : 'num'}>{qty(v)}</span>,
          },
          {
            title: t('pt.onHand'),
            dataIndex: 'onHandMilli',
            width: 70,
            align: 'right',
            render: (v: number, l) => <span className={v < l.outstandingMilli ? 'num pt-negative' : 'num'}>{qty(v)}</span>,
          },
          {
            title: t('pt.pick.status'),
            key: 'status',
            width: 90,
            render: (_, l) =>
              l.outcome ? (
                <Tag color="orange">{t(`shortage.${l.outcome}`)}</Tag>
              ) : l.outstandingMilli === 0 ? (
                <Tag color="green">{t('pt.pick.done')}</Tag>
              ) : null,
          },
          ...(canIssue
            ? [
                {
                  title: t('pt.pick.amount'),
                  key: 'amount',
                  width: 80,
                  render: (_: unknown, l: PickLineT) => (
                    <Input
                      size="small"
                      inputMode="decimal"
                      value={amountOf(l)}
                      aria-label={t('pt.pick.amountFor', { partNumber: l.partNumber })}
                      onChange={(e) => setAmounts({ ...amounts, [l.partId]: e.target.value })}
                      onKeyDown={(e) => e.key === 'Enter' && issueLine(l)}
                    />
                  ),
                },
                {
                  title: t('pt.pick.actions'),
                  key: 'actions',
                  width: 190,
                  render: (_: unknown, l: PickLineT) => (
                    <Space size={4}>
                      <Button size="small" type="primary" disabled={l.outstandingMilli === 0 || busy} onClick={() => issueLine(l)}>
                        {t('pt.pick.issue')}
                      </Button>
                      <Button size="small" disabled={l.issuedMilli === 0} onClick={() => setDialog({ kind: 'return', line: l })}>
                        {t('pt.pick.return')}
                      </Button>
                      <Button size="small" disabled={l.outstandingMilli === 0} onClick={() => setDialog({ kind: 'shortage', line: l })}>
                        {t('pt.pick.shortage')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog?.kind === 'return' && <ReturnModal line={dialog.line} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'shortage' && <ShortageModal ro={pick.ro} line={dialog.line} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'oldPart' && <OldPartModal pick={pick} onClose={() => setDialog(null)} />}
    </div>
  )
}
