import { useState } from 'react'
import { Alert, App, Button, Form, Input, Modal, Select, Table } from 'antd'
import { useApiWrite } from '../../../api/query-client'
import { useLocale, useT } from '../../../i18n'
import { fenToYuanText, money, yuanTextToFen } from '../../../format'
import { RemoteSelect } from '../../../components/RemoteSelect'
import { lineAmount } from '../../../../../shared/domain/money'
import type { PartRowT, PoDetailT } from '../../../stores/parts-types'
import { goParts } from '../parts-route'
import { parseQty, qty } from '../parts-format'
import { useChannel } from '../use-parts'

interface DraftLine {
  partId: number
  partNumber: string
  name: string
  quantity: string
  cost: string
  roId: number | null
  note: string
}

const fromPo = (po: PoDetailT): DraftLine[] =>
  po.lines.map((l) => ({
    partId: l.partId,
    partNumber: l.partNumber,
    name: l.name,
    quantity: qty(l.quantityMilli),
    cost: fenToYuanText(l.unitCostFen),
    roId: l.roId,
    note: l.note,
  }))

/** A new purchase order, or a draft's supplier and lines (sent orders are no longer edited). */
export function PoEditorModal({ po, onClose }: { po: PoDetailT | null; onClose(): void }) {
  const t = useT()
  const locale = useLocale()
  const write = useApiWrite()
  const { message } = App.useApp()
  const suppliers = useChannel('purchasing.suppliers.list', { q: '', includeInactive: false })
  const [supplierId, setSupplierId] = useState<number | null>(po?.supplierId ?? null)
  // Controlled, so choosing a supplier always closes the list, even if the list re-renders
  // (a refetch of the suppliers) in the moment of the click.
  const [supplierOpen, setSupplierOpen] = useState(false)
  const [note, setNote] = useState(po?.note ?? '')
  const [lines, setLines] = useState<DraftLine[]>(po ? fromPo(po) : [])
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const change = (i: number, patch: Partial<DraftLine>) => setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)))
  const add = (p: PartRowT) =>
    setLines(lines.some((l) => l.partId === p.id) ? lines : [...lines, { partId: p.id, partNumber: p.partNumber, name: p.name, quantity: '1', cost: fenToYuanText(p.costFen), roId: null, note: '' }])
  const valid = lines.every((l) => parseQty(l.quantity) !== null && yuanTextToFen(l.cost) !== null)
  const total = lines.reduce((sum, l) => sum + lineAmount(parseQty(l.quantity) ?? 0, yuanTextToFen(l.cost) ?? 0), 0)

  const save = async () => {
    if (supplierId === null || lines.length === 0 || !valid) return setProblem(t('pt.po.incomplete'))
    setBusy(true)
    const result = await write('purchasing.po.save', {
      ...(po ? { id: po.id, version: po.version } : {}),
      supplierId,
      note,
      lines: lines.map((l) => ({
        partId: l.partId,
        quantityMilli: parseQty(l.quantity) ?? 0,
        unitCostFen: yuanTextToFen(l.cost) ?? 0,
        note: l.note,
        ...(l.roId !== null ? { roId: l.roId } : {}),
      })),
    })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    void message.success(t('pt.saved'))
    onClose()
    if (!po) goParts({ kind: 'po', id: result.data.id })
  }

  const title = po ? t('pt.po.editTitle', { number: po.number }) : t('pt.po.new')
  return (
    <Modal open width={860} title={title} onCancel={onClose} onOk={() => void save()} okText={t('common.save')} confirmLoading={busy}>
      {problem && <Alert type="error" showIcon role="alert" title={problem} className="pt-gap" />}
      <Form layout="inline" size="small" className="pt-gap" aria-label={title}>
        <Form.Item label={t('field.supplierId')} required>
          <Select<number>
            value={supplierId ?? undefined}
            open={supplierOpen}
            onOpenChange={setSupplierOpen}
            onChange={(id) => {
              setSupplierId(id)
              setSupplierOpen(false)
            }}
            aria-label={t('field.supplierId')}
            style={{ width: 240 }}
            // A dealership deals with a dozen or more suppliers: typing part of the name finds one.
            showSearch={{ optionFilterProp: 'label' }}
            options={(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
          />
        </Form.Item>
        <Form.Item label={t('pt.note')}>
          <Input value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 300 }} />
        </Form.Item>
      </Form>
      <div className="pt-gap">
        <RemoteSelect
          ariaLabel={t('pt.po.addPart')}
          placeholder={t('pt.po.addPart')}
          channel="parts.search"
          input={(q) => ({ q, limit: 20, includeInactive: false })}
          items={(rows): PartRowT[] => rows}
          keyOf={(p) => p.id}
          labelOf={(p) => (
            <span>
              <span className="mono">{p.partNumber}</span> {p.name} <span className="muted">{p.bin ?? ''}</span>
            </span>
          )}
          onPick={add}
        />
      </div>
      <Table<DraftLine>
        size="small"
        rowKey="partId"
        dataSource={lines}
        pagination={false}
        aria-label={t('pt.po.lines')}
        locale={{ emptyText: t('pt.po.noLines') }}
        columns={[
          { title: t('field.partNumber'), dataIndex: 'partNumber', width: 150, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('field.name'), dataIndex: 'name', ellipsis: true },
          {
            title: t('pt.ledger.quantity'),
            key: 'q',
            width: 90,
            render: (_, l, i) => (
              <Input size="small" value={l.quantity} status={parseQty(l.quantity) === null ? 'error' : undefined} aria-label={t('pt.po.quantityFor', { partNumber: l.partNumber })} onChange={(e) => change(i, { quantity: e.target.value })} />
            ),
          },
          {
            title: t('field.unitCostFen'),
            key: 'c',
            width: 110,
            render: (_, l, i) => (
              <Input size="small" prefix="¥" value={l.cost} status={yuanTextToFen(l.cost) === null ? 'error' : undefined} aria-label={t('pt.po.costFor', { partNumber: l.partNumber })} onChange={(e) => change(i, { cost: e.target.value })} />
            ),
          },
          {
            title: t('pt.po.amount'),
            key: 'a',
            width: 110,
            align: 'right',
            render: (_, l) => <span className="num">{money(lineAmount(parseQty(l.quantity) ?? 0, yuanTextToFen(l.cost) ?? 0), locale)}</span>,
          },
          {
            key: 'x',
            width: 60,
            render: (_, _l, i) => (
              <Button size="small" type="link" danger onClick={() => setLines(lines.filter((__, j) => j !== i))}>
                {t('common.remove')}
              </Button>
            ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}>
              {t('pt.po.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <span className="num pt-strong">{money(total, locale)}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} />
          </Table.Summary.Row>
        )}
      />
    </Modal>
  )
}
