import { Table, Tag } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { useLocale, useT } from '../../i18n'
import { dateTime, money } from '../../format'
import { navigate } from '../../router'
import { rowHotkeys } from '../../hotkeys'

export type ClaimRowT = OutputOf<Contract['warranty.claim.list']>[number]

const STATE_COLOUR: Record<ClaimRowT['state'], string> = {
  draft: 'default',
  checked: 'blue',
  submitted: 'processing',
  resubmitted: 'processing',
  approved: 'green',
  returned: 'orange',
  rejected: 'red',
  paid: 'success',
  written_off: 'default',
}

export function ClaimStateTag({ state }: { state: ClaimRowT['state'] }) {
  const t = useT()
  return <Tag color={STATE_COLOUR[state]}>{t(`warranty.state.${state}`)}</Tag>
}

/** Claims as rows: Enter or a click opens the claim. */
export function ClaimTable({
  rows,
  loading,
  label,
  selected,
  onSelect,
}: {
  rows: readonly ClaimRowT[]
  loading?: boolean
  label: string
  /** With these two, rows carry a checkbox (the claim list's package export). */
  selected?: readonly number[]
  onSelect?: (ids: number[]) => void
}) {
  const t = useT()
  const locale = useLocale()
  const open = (row: ClaimRowT) => navigate({ name: 'warrantyClaim', id: row.id })
  return (
    <Table<ClaimRowT>
      size="small"
      rowKey="id"
      aria-label={label}
      loading={loading}
      dataSource={[...rows]}
      pagination={false}
      rowSelection={
        selected && onSelect
          ? {
              selectedRowKeys: [...selected],
              onChange: (keys) => onSelect(keys.map(Number)),
              columnWidth: 36,
              getCheckboxProps: (row) => ({ 'aria-label': t('wty.export.selectClaim', { number: row.number }) }),
            }
          : undefined
      }
      locale={{ emptyText: t('wty.today.empty') }}
      onRow={(row) => ({ onClick: () => open(row), tabIndex: 0, onKeyDown: rowHotkeys({ Enter: () => open(row) }), className: 'wty-row' })}
      columns={[
        { title: t('wty.col.number'), dataIndex: 'number', className: 'mono', width: 130 },
        { title: t('wty.col.state'), dataIndex: 'state', width: 90, render: (s: ClaimRowT['state']) => <ClaimStateTag state={s} /> },
        { title: t('wty.col.type'), dataIndex: 'claimType', width: 110, render: (c: ClaimRowT['claimType']) => t(`warranty.claimType.${c}`) },
        { title: t('wty.col.ro'), dataIndex: 'roNumber', className: 'mono', width: 130 },
        { title: t('wty.col.vehicle'), key: 'vehicle', render: (_, r) => `${r.plate ?? r.vin} · ${r.model}` },
        { title: t('wty.col.customer'), dataIndex: 'customerName', width: 110 },
        { title: t('wty.col.total'), dataIndex: 'totalFen', align: 'right', width: 110, render: (f: number) => money(f, locale) },
        { title: t('wty.col.approved'), dataIndex: 'approvedFen', align: 'right', width: 110, render: (f: number | null) => (f === null ? '—' : money(f, locale)) },
        { title: t('wty.col.reason'), dataIndex: 'lastReason', ellipsis: true },
        { title: t('wty.col.updated'), dataIndex: 'updatedAt', width: 140, render: (at: string) => dateTime(at) },
      ]}
    />
  )
}
