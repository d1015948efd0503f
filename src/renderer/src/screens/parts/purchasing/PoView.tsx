import { useState } from 'react'
import { Alert, App, Button, Card, Descriptions, Skeleton, Space, Table, Tag } from 'antd'
import { useApiWrite } from '../../../api/query-client'
import { useLocale, useT } from '../../../i18n'
import { dateTime, money } from '../../../format'
import { useHotkeys } from '../../../hotkeys'
import type { PoDetailT, PoLineT } from '../../../stores/parts-types'
import { goParts, partsHref } from '../parts-route'
import { qty } from '../parts-format'
import { useChannel } from '../use-parts'
import { useCan } from '../../../permissions'
import { BackLink } from '../BackLink'
import { ReasonModal } from '../ReasonModal'
import { PoStateTag } from './PurchasingView'
import { PoEditorModal } from './PoEditorModal'
import { ReceiveForm } from './ReceiveForm'
import { DocumentActivity } from '../../../components/DocumentActivity'

type Receipt = PoDetailT['receipts'][number]

function Receipts({ po }: { po: PoDetailT }) {
  const t = useT()
  const locale = useLocale()
  const lineOf = (id: number) => po.lines.find((l) => l.id === id)
  if (po.receipts.length === 0) return null
  return (
    <Card size="small" title={t('pt.receive.history')} className="pt-gap">
      {po.receipts.map((r: Receipt) => (
        <div key={r.id} className="pt-receipt">
          <div className="muted">
            {dateTime(r.at)} · {r.userName}
            {r.note ? ` · ${r.note}` : ''}
          </div>
          <ul>
            {r.lines.map((l) => (
              <li key={l.poLineId}>
                <span className="mono">{lineOf(l.poLineId)?.partNumber}</span> {t('pt.receive.line', { received: qty(l.receivedMilli), expected: qty(l.expectedMilli) })} ·{' '}
                {money(l.unitCostFen, locale)}
                {l.difference && <Tag color="red" className="pt-inline-tag">{t(`receiptDifference.${l.difference}`)}</Tag>}
                {l.note ? ` ${l.note}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Card>
  )
}

/** 采购订单: its lines, sending, receiving against it with differences, and closing. */
export function PoView({ id }: { id: number }) {
  const t = useT()
  const locale = useLocale()
  const write = useApiWrite()
  const { message } = App.useApp()
  const loaded = useChannel('purchasing.po.get', { id })
  const can = { purchase: useCan('parts.purchase'), receive: useCan('parts.receive') }
  const [dialog, setDialog] = useState<'edit' | 'close' | null>(null)
  useHotkeys({ Escape: () => dialog === null && goParts({ kind: 'tab', tab: 'purchasing' }) })

  const po = loaded.data
  if (loaded.error && !po) return <Alert type="error" showIcon title={loaded.error} />
  if (!po || po.id !== id) return <Skeleton active />

  const send = async () => {
    const result = await write('purchasing.po.send', { id: po.id, version: po.version })
    if (!result.ok) return void message.error(result.message)
    void message.success(t('pt.po.sent', { number: po.number }))
  }
  const close = async (reason: string) => {
    const result = await write('purchasing.po.close', { id: po.id, version: po.version, reason })
    if (!result.ok) return result.message
    return null
  }
  const receiving = can.receive && (po.state === 'sent' || po.state === 'partly_received')

  return (
    <div className="pt-view">
      <div className="panel-head">
        <h2 className="panel-heading">
          <BackLink view={{ kind: 'tab', tab: 'purchasing' }} />
          {t('entity.purchaseOrder')}
          <span className="mono">{po.number}</span>
          <PoStateTag state={po.state} />
        </h2>
        <Space>
          {can.purchase && po.state === 'draft' && <Button onClick={() => setDialog('edit')}>{t('pt.po.edit')}</Button>}
          {can.purchase && po.state !== 'closed' && po.state !== 'cancelled' && (
            <Button danger onClick={() => setDialog('close')}>
              {po.state === 'draft' ? t('pt.po.cancel') : t('pt.po.close')}
            </Button>
          )}
          {can.purchase && po.state === 'draft' && (
            <Button type="primary" onClick={() => void send()}>
              {t('pt.po.send')}
            </Button>
          )}
        </Space>
      </div>
      <Descriptions size="small" column={4} className="pt-gap">
        <Descriptions.Item label={t('field.supplierName')}>{po.supplierName}</Descriptions.Item>
        <Descriptions.Item label={t('pt.createdAt')}>{dateTime(po.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('pt.po.sentAt')}>{dateTime(po.sentAt)}</Descriptions.Item>
        <Descriptions.Item label={t('pt.po.closedAt')}>{dateTime(po.closedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('pt.po.amount')}>{money(po.amountFen, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('pt.note')} span={3}>
          {po.note || '—'}
        </Descriptions.Item>
      </Descriptions>
      <Table<PoLineT>
        size="small"
        rowKey="id"
        dataSource={po.lines}
        pagination={false}
        aria-label={t('pt.po.lines')}
        columns={[
          { title: t('field.partNumber'), dataIndex: 'partNumber', width: 150, render: (v: string, l) => <a className="mono" href={partsHref({ kind: 'part', id: l.partId })}>{v}</a> },
          { title: t('field.name'), dataIndex: 'name', ellipsis: true },
          { title: t('pt.po.ordered'), dataIndex: 'quantityMilli', width: 70, align: 'right', render: (v: number) => <span className="num">{qty(v)}</span> },
          {
            title: t('pt.receive.received'),
            dataIndex: 'receivedMilli',
            width: 70,
            align: 'right',
            render: (v: number, l) => <span className={v >= l.quantityMilli ? 'num pt-in' : 'num'}>{qty(v)}</span>,
          },
          { title: t('field.unitCostFen'), dataIndex: 'unitCostFen', width: 100, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
          { title: t('pt.po.amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
          {
            title: t('pt.po.forRo'),
            dataIndex: 'roNumber',
            width: 140,
            render: (v: string | null, l) => (v && l.roId ? <a className="mono" href={partsHref({ kind: 'pick', roId: l.roId })}>{v}</a> : ''),
          },
          { title: t('pt.note'), dataIndex: 'note', ellipsis: true },
        ]}
      />
      {receiving && <ReceiveForm key={po.version} po={po} onDone={() => loaded.reload()} />}
      <Receipts po={po} />
      {dialog === 'edit' && <PoEditorModal po={po} onClose={() => setDialog(null)} />}
      {dialog === 'close' && (
        <ReasonModal
          title={po.state === 'draft' ? t('pt.po.cancel') : t('pt.po.close')}
          okText={t('pt.confirm')}
          danger
          onSubmit={close}
          onClose={() => setDialog(null)}
        />
      )}
      <DocumentActivity kind="po" id={po.id} />
    </div>
  )
}
