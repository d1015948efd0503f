import { useRef, useState, type KeyboardEvent } from 'react'
import { Alert, Button, Checkbox, Input, Space, Table, Tag, Typography, type InputRef } from 'antd'
import { useLocale, useT } from '../../../i18n'
import { money } from '../../../format'
import { useHotkeys } from '../../../hotkeys'
import type { PartRowT } from '../../../stores/parts-types'
import { goParts } from '../parts-route'
import { qty } from '../parts-format'
import { useCan } from '../../../permissions'
import { usePartSearch, usePartsCatalogue } from '../../../stores/parts-catalogue-store'
import { PartFormModal } from './PartFormModal'
import { ImportDrawer } from './ImportDrawer'
import { LabelsModal } from './LabelsModal'

/** 配件目录: search as you type by number (dashes optional), name or bin; ↑ ↓ Enter opens the ledger. */
export function CatalogueView() {
  const t = useT()
  const locale = useLocale()
  const query = usePartsCatalogue((s) => s.query)
  const includeInactive = usePartsCatalogue((s) => s.includeInactive)
  const { rows, more, searching, error } = usePartSearch()
  // A re-read may return fewer rows: the highlight stays on the list.
  const active = Math.min(usePartsCatalogue((s) => s.active), Math.max(rows.length - 1, 0))
  const canEdit = useCan('parts.import')
  const [dialog, setDialog] = useState<'new' | 'import' | 'labels' | null>(null)
  const input = useRef<InputRef>(null)

  useHotkeys({ F2: () => input.current?.focus() })

  const open = (row: PartRowT | undefined) => row && goParts({ kind: 'part', id: row.id })
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const state = usePartsCatalogue.getState()
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      state.setActive(active)
      state.moveActive(event.key === 'ArrowDown' ? 1 : -1, rows.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      open(rows[active])
    } else if (event.key === 'Escape') {
      event.preventDefault()
      state.setQuery('')
    }
  }

  return (
    <div className="pt-view">
      <div className="pt-toolbar">
        <Input
          ref={input}
          autoFocus
          allowClear
          className="pt-search"
          value={query}
          placeholder={t('pt.cat.searchPlaceholder')}
          aria-label={t('pt.cat.search')}
          onChange={(e) => usePartsCatalogue.getState().setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <Checkbox checked={includeInactive} onChange={(e) => usePartsCatalogue.getState().setIncludeInactive(e.target.checked)}>
          {t('field.includeInactive')}
        </Checkbox>
        <Typography.Text type="secondary" aria-live="polite">
          {searching ? t('pt.searching') : t(more ? 'pt.cat.countMore' : 'pt.cat.count', { n: rows.length })}
        </Typography.Text>
        <Space className="pt-toolbar-end">
          <Button onClick={() => setDialog('labels')}>{t('pt.labels.button')}</Button>
          {canEdit && <Button onClick={() => setDialog('import')}>{t('pt.import.button')}</Button>}
          {canEdit && (
            <Button type="primary" onClick={() => setDialog('new')}>
              {t('pt.cat.new')}
            </Button>
          )}
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error} className="pt-gap" />}
      <Table<PartRowT>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        scroll={{ y: 'calc(100vh - 230px)' }}
        aria-label={t('pt.cat.title')}
        locale={{ emptyText: t('pt.cat.empty') }}
        rowClassName={(_, i) => (i === active ? 'pt-row-active clickable' : 'clickable')}
        onRow={(row, i) => ({ onClick: () => open(row), onMouseEnter: () => i !== undefined && usePartsCatalogue.getState().setActive(i) })}
        columns={[
          { title: t('field.partNumber'), dataIndex: 'partNumber', width: 150, render: (v: string) => <span className="mono">{v}</span> },
          {
            title: t('field.name'),
            dataIndex: 'name',
            ellipsis: true,
            render: (v: string, r) => (
              <>
                {v} {!r.active && <Tag>{t('pt.inactive')}</Tag>}
              </>
            ),
          },
          { title: t('field.brand'), dataIndex: 'brand', width: 90, ellipsis: true },
          { title: t('field.bin'), dataIndex: 'bin', width: 90, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
          { title: t('field.unit'), dataIndex: 'unit', width: 56 },
          { title: t('pt.onHand'), dataIndex: 'onHandMilli', width: 70, align: 'right', render: (v: number) => <span className="num">{qty(v)}</span> },
          { title: t('pt.reserved'), dataIndex: 'reservedMilli', width: 70, align: 'right', render: (v: number) => <span className="num">{v ? qty(v) : ''}</span> },
          {
            title: t('pt.available'),
            dataIndex: 'availableMilli',
            width: 70,
            align: 'right',
            render: (v: number) => <span className={v < 0 ? 'num pt-negative' : 'num'}>{qty(v)}</span>,
          },
          { title: t('pt.avgCost'), dataIndex: 'avgCostFen', width: 96, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
          { title: t('field.priceFen'), dataIndex: 'priceFen', width: 96, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
          { title: t('pt.value'), dataIndex: 'valueFen', width: 104, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
          { title: t('field.supplier'), dataIndex: 'supplierName', width: 120, ellipsis: true, render: (v: string | null) => v ?? '' },
        ]}
      />
      {dialog === 'new' && <PartFormModal part={null} onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportDrawer onClose={() => setDialog(null)} />}
      {dialog === 'labels' && <LabelsModal onClose={() => setDialog(null)} />}
    </div>
  )
}
