import { useState } from 'react'
import { Alert, App, Button, Card, Input, Select, Table } from 'antd'
import { RECEIPT_DIFFERENCES } from '../../../../../shared/contract/parts-shapes'
import { useApiWrite } from '../../../api/query-client'
import { useT } from '../../../i18n'
import { fenToYuanText, yuanTextToFen } from '../../../format'
import type { PoDetailT, PoLineT } from '../../../stores/parts-types'
import { parseCount, qty } from '../parts-format'

type Difference = (typeof RECEIPT_DIFFERENCES)[number]

interface Entry {
  quantity: string
  cost: string
  difference: Difference | null
  note: string
}

const outstandingOf = (l: PoLineT) => Math.max(l.quantityMilli - l.receivedMilli, 0)

/**
 * 收货: what came, line by line, against what the order still expects. A quantity or price
 * that differs is recorded with its reason (short, damaged, wrong part, …) and the receipt posts
 * to the ledger at the price actually paid.
 */
export function ReceiveForm({ po, onDone }: { po: PoDetailT; onDone(po: PoDetailT): void }) {
  const t = useT()
  const write = useApiWrite()
  const { message } = App.useApp()
  const open = po.lines.filter((l) => outstandingOf(l) > 0)
  const [entries, setEntries] = useState<Record<number, Entry>>(() =>
    Object.fromEntries(open.map((l) => [l.id, { quantity: qty(outstandingOf(l)), cost: fenToYuanText(l.unitCostFen), difference: null, note: '' }])),
  )
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const entry = (id: number): Entry => entries[id] ?? { quantity: '', cost: '', difference: null, note: '' }
  const change = (id: number, patch: Partial<Entry>) => setEntries({ ...entries, [id]: { ...entry(id), ...patch } })
  const differs = (l: PoLineT) => parseCount(entry(l.id).quantity) !== outstandingOf(l) || yuanTextToFen(entry(l.id).cost) !== l.unitCostFen
  const valid = open.every((l) => parseCount(entry(l.id).quantity) !== null && yuanTextToFen(entry(l.id).cost) !== null)

  const submit = async () => {
    if (!valid) return setProblem(t('pt.qty.invalid'))
    const lines = open
      .map((l) => ({ l, e: entry(l.id) }))
      .filter(({ e }) => (parseCount(e.quantity) ?? 0) > 0 || e.difference !== null)
      .map(({ l, e }) => ({
        poLineId: l.id,
        quantityMilli: parseCount(e.quantity) ?? 0,
        unitCostFen: yuanTextToFen(e.cost) ?? l.unitCostFen,
        note: e.note,
        ...(e.difference ? { difference: e.difference } : {}),
      }))
    if (lines.length === 0) return setProblem(t('pt.receive.nothing'))
    setBusy(true)
    const result = await write('purchasing.po.receive', { id: po.id, version: po.version, note, lines })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    void message.success(t('pt.receive.done', { number: po.number }))
    onDone(result.data)
  }

  return (
    <Card size="small" title={t('pt.receive.title')} className="pt-gap" role="region" aria-label={t('pt.receive.title')}>
      {problem && <Alert type="error" showIcon role="alert" title={problem} className="pt-gap" />}
      <Table<PoLineT>
        size="small"
        rowKey="id"
        dataSource={open}
        pagination={false}
        aria-label={t('pt.receive.lines')}
        rowClassName={(l) => (differs(l) ? 'pt-row-differs' : '')}
        columns={[
          { title: t('field.partNumber'), dataIndex: 'partNumber', width: 150, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('field.name'), dataIndex: 'name', ellipsis: true },
          { title: t('pt.receive.expected'), key: 'e', width: 70, align: 'right', render: (_, l) => <span className="num">{qty(outstandingOf(l))}</span> },
          {
            title: t('pt.receive.received'),
            key: 'q',
            width: 90,
            render: (_, l) => (
              <Input size="small" value={entry(l.id).quantity} aria-label={t('pt.receive.receivedFor', { partNumber: l.partNumber })} status={parseCount(entry(l.id).quantity) === null ? 'error' : undefined} onChange={(e) => change(l.id, { quantity: e.target.value })} />
            ),
          },
          {
            title: t('field.unitCostFen'),
            key: 'c',
            width: 110,
            render: (_, l) => (
              <Input size="small" prefix="¥" value={entry(l.id).cost} aria-label={t('pt.receive.costFor', { partNumber: l.partNumber })} status={yuanTextToFen(entry(l.id).cost) === null ? 'error' : undefined} onChange={(e) => change(l.id, { cost: e.target.value })} />
            ),
          },
          {
            title: t('field.difference'),
            key: 'd',
            width: 120,
            render: (_, l) => (
              <Select<Difference | ''>
                size="small"
                value={entry(l.id).difference ?? ''}
                aria-label={t('pt.receive.differenceFor', { partNumber: l.partNumber })}
                style={{ width: '100%' }}
                onChange={(v) => change(l.id, { difference: v === '' ? null : v })}
                options={[{ value: '', label: t('pt.receive.noDifference') }, ...RECEIPT_DIFFERENCES.map((d) => ({ value: d, label: t(`receiptDifference.${d}`) }))]}
              />
            ),
          },
          {
            title: t('pt.note'),
            key: 'n',
            width: 160,
            render: (_, l) => <Input size="small" value={entry(l.id).note} aria-label={t('pt.receive.noteFor', { partNumber: l.partNumber })} onChange={(e) => change(l.id, { note: e.target.value })} />,
          },
        ]}
      />
      <div className="pt-toolbar pt-top-gap">
        <Input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('pt.receive.note')} aria-label={t('pt.receive.note')} style={{ maxWidth: 420 }} />
        <Button type="primary" className="pt-toolbar-end" loading={busy} onClick={() => void submit()}>
          {t('pt.receive.confirm')}
        </Button>
      </div>
    </Card>
  )
}
