import { useState } from 'react'
import { Alert, Button, Segmented, Table, Tag } from 'antd'
import { PO_STATES } from '../../../../../shared/contract/parts-shapes'
import { useLocale, useT } from '../../../i18n'
import { dateTime, money } from '../../../format'
import type { PoSummaryT, SupplierT } from '../../../stores/parts-types'
import { goParts } from '../parts-route'
import { useChannel } from '../use-parts'
import { useCan } from '../../../permissions'
import { PoEditorModal } from './PoEditorModal'
import { SupplierModal } from './SupplierModal'

type PoState = PoSummaryT['state']

export const PO_STATE_COLOUR: Record<PoState, string> = {
  draft: 'gold',
  sent: 'blue',
  partly_received: 'orange',
  closed: 'green',
  cancelled: 'default',
}

export function PoStateTag({ state }: { state: PoState }) {
  const t = useT()
  return <Tag color={PO_STATE_COLOUR[state]}>{t(`poState.${state}`)}</Tag>
}

function PoList() {
  const t = useT()
  const locale = useLocale()
  const canPurchase = useCan('parts.purchase')
  const [state, setState] = useState<PoState | 'all'>('all')
  const [page, setPage] = useState(1)
  const [creating, setCreating] = useState(false)
  const list = useChannel('purchasing.po.list', { ...(state === 'all' ? {} : { state }), limit: 50, offset: (page - 1) * 50 })
  const open = (row: PoSummaryT) => goParts({ kind: 'po', id: row.id })

  return (
    <>
      <div className="pt-toolbar">
        <Segmented<PoState | 'all'>
          value={state}
          onChange={(v) => {
            setState(v)
            setPage(1)
          }}
          options={[{ value: 'all', label: t('pt.all') }, ...PO_STATES.map((s) => ({ value: s, label: t(`poState.${s}`) }))]}
        />
        {canPurchase && (
          <Button type="primary" className="pt-toolbar-end" onClick={() => setCreating(true)}>
            {t('pt.po.new')}
          </Button>
        )}
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} className="pt-gap" />}
      <Table<PoSummaryT>
        size="small"
        rowKey="id"
        loading={list.loading && !list.data}
        dataSource={list.data?.rows ?? []}
        aria-label={t('pt.po.list')}
        locale={{ emptyText: t('pt.po.empty') }}
        pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        onRow={(row) => ({ onClick: () => open(row), onKeyDown: (e) => e.key === 'Enter' && open(row), tabIndex: 0, className: 'clickable' })}
        columns={[
          { title: t('pt.po.number'), dataIndex: 'number', width: 150, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('field.supplierName'), dataIndex: 'supplierName' },
          { title: t('pt.state'), dataIndex: 'state', width: 100, render: (v: PoState) => <PoStateTag state={v} /> },
          { title: t('pt.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => dateTime(v) },
          { title: t('pt.po.amount'), dataIndex: 'amountFen', width: 130, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
        ]}
      />
      {creating && <PoEditorModal po={null} onClose={() => setCreating(false)} />}
    </>
  )
}

function SupplierList() {
  const t = useT()
  const canPurchase = useCan('parts.purchase')
  const [editing, setEditing] = useState<SupplierT | 'new' | null>(null)
  const list = useChannel('purchasing.suppliers.list', { q: '', includeInactive: true })

  return (
    <>
      <div className="pt-toolbar">
        {canPurchase && (
          <Button type="primary" className="pt-toolbar-end" onClick={() => setEditing('new')}>
            {t('pt.supplier.new')}
          </Button>
        )}
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} className="pt-gap" />}
      <Table<SupplierT>
        size="small"
        rowKey="id"
        dataSource={list.data ?? []}
        pagination={false}
        aria-label={t('pt.supplier.list')}
        locale={{ emptyText: t('pt.supplier.empty') }}
        onRow={(row) => (canPurchase ? { onClick: () => setEditing(row), className: 'clickable' } : {})}
        columns={[
          { title: t('pt.supplier.code'), dataIndex: 'code', width: 110, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('field.supplierName'), dataIndex: 'name' },
          { title: t('field.contact'), dataIndex: 'contact', width: 100 },
          { title: t('field.phone'), dataIndex: 'phone', width: 130 },
          { title: t('pt.note'), dataIndex: 'note', ellipsis: true },
          { title: t('pt.activeLabel'), dataIndex: 'active', width: 70, render: (v: boolean) => (v ? t('common.yes') : <Tag>{t('pt.inactive')}</Tag>) },
        ]}
      />
      {editing && <SupplierModal supplier={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  )
}

/** 采购: purchase orders (draft → sent → partly received → closed) and the suppliers. */
export function PurchasingView() {
  const t = useT()
  const [part, setPart] = useState<'orders' | 'suppliers'>('orders')
  return (
    <div className="pt-view">
      <Segmented
        className="pt-gap"
        value={part}
        onChange={setPart}
        options={[
          { value: 'orders', label: t('pt.po.list') },
          { value: 'suppliers', label: t('pt.supplier.list') },
        ]}
      />
      {part === 'orders' ? <PoList /> : <SupplierList />}
    </div>
  )
}
