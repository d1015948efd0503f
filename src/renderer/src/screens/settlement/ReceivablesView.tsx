import { Alert, DatePicker, Segmented, Table, Tag } from 'antd'
import dayjs from 'dayjs'
import { PAYERS, type Payer } from '../../../../shared/domain/payer'
import { AGEING_BUCKETS, type AgeingBucket } from '../../../../shared/domain/settlement'
import { useLocale, useT } from '../../i18n'
import { dateOnly, money } from '../../format'
import { navigate } from '../../router'
import { type ReceivableRowT, useReceivables, useReceivablesFilter } from '../../stores/settlement-store'

const BUCKET_COLOUR: Record<AgeingBucket, string> = { d0_30: 'default', d31_60: 'gold', d61_90: 'orange', d90_plus: 'red' }

interface MatrixRow {
  payer: Payer | 'total'
  cells: Partial<Record<AgeingBucket, { count: number; balanceFen: number }>>
  balanceFen: number
}

/** 应收账款: what each payer still owes, aged by days since the invoice, as of a day. */
export function ReceivablesView() {
  const t = useT()
  const locale = useLocale()
  const filter = useReceivablesFilter((s) => s.filter)
  const { data, error } = useReceivables(filter)

  const matrix: MatrixRow[] = []
  for (const payer of PAYERS) {
    const cells = (data?.summary ?? []).filter((s) => s.payer === payer)
    if (cells.length === 0) continue
    matrix.push({
      payer,
      cells: Object.fromEntries(cells.map((c) => [c.bucket, c])),
      balanceFen: cells.reduce((sum, c) => sum + c.balanceFen, 0),
    })
  }
  if (matrix.length > 1) {
    const cells: MatrixRow['cells'] = {}
    for (const b of AGEING_BUCKETS) {
      const inBucket = (data?.summary ?? []).filter((s) => s.bucket === b)
      if (inBucket.length) cells[b] = { count: inBucket.reduce((s, c) => s + c.count, 0), balanceFen: inBucket.reduce((s, c) => s + c.balanceFen, 0) }
    }
    matrix.push({ payer: 'total', cells, balanceFen: data?.balanceFen ?? 0 })
  }

  return (
    <div className="stl-receivables">
      <div className="stl-toolbar">
        <Segmented
          size="small"
          value={filter.payer ?? 'all'}
          onChange={(v) => useReceivablesFilter.getState().setFilter({ ...filter, payer: v === 'all' ? undefined : (v as Payer) })}
          options={[{ value: 'all', label: t('stl.recv.allPayers') }, ...PAYERS.map((p) => ({ value: p, label: t(`payer.${p}`) }))]}
        />
        <DatePicker
          size="small"
          allowClear
          aria-label={t('field.asOf')}
          placeholder={t('stl.recv.asOfToday')}
          value={filter.asOf ? dayjs(filter.asOf) : null}
          onChange={(d) => useReceivablesFilter.getState().setFilter({ ...filter, asOf: d ? d.format('YYYY-MM-DD') : undefined })}
        />
        <span className="stl-total">
          {data && t('stl.recv.total', { asOf: data.asOf, n: data.total, amount: money(data.balanceFen, locale) })}
        </span>
      </div>
      {error && <Alert type="error" showIcon title={error} className="stl-gap" />}
      <Table<MatrixRow>
        size="small"
        rowKey="payer"
        className="stl-gap"
        pagination={false}
        dataSource={matrix}
        aria-label={t('stl.recv.ageing')}
        locale={{ emptyText: t('stl.recv.none') }}
        rowClassName={(r) => (r.payer === 'total' ? 'stl-total-row' : '')}
        columns={[
          { title: t('field.payer'), dataIndex: 'payer', width: 100, render: (p: MatrixRow['payer']) => (p === 'total' ? t('stl.total') : t(`payer.${p}`)) },
          ...AGEING_BUCKETS.map((b) => ({
            title: t(`ageing.${b}`),
            key: b,
            align: 'right' as const,
            render: (_: unknown, r: MatrixRow) => {
              const c = r.cells[b]
              return c ? (
                <span className="num">
                  {money(c.balanceFen, locale)} <span className="muted">({c.count})</span>
                </span>
              ) : (
                <span className="muted">—</span>
              )
            },
          })),
          { title: t('stl.total'), dataIndex: 'balanceFen', align: 'right', render: (v: number) => <strong className="num">{money(v, locale)}</strong> },
        ]}
      />
      <Table<ReceivableRowT>
        size="small"
        rowKey="invoiceId"
        loading={data === null && !error}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        aria-label={t('stl.recv.rows')}
        locale={{ emptyText: t('stl.recv.none') }}
        onRow={(row) => ({
          onClick: () => navigate({ name: 'settleRo', id: row.roId }),
          onKeyDown: (e) => e.key === 'Enter' && navigate({ name: 'settleRo', id: row.roId }),
          tabIndex: 0,
          className: 'clickable',
        })}
        columns={[
          { title: t('stl.invoiceNo'), dataIndex: 'number', width: 130, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('field.roNumber'), dataIndex: 'roNumber', width: 120, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('field.payer'), dataIndex: 'payer', width: 70, render: (p: Payer) => t(`payer.${p}`) },
          { title: t('field.customer'), dataIndex: 'customerName', ellipsis: true },
          { title: t('field.insurer'), dataIndex: 'insurer', width: 90, render: (v: string | null) => v ?? '' },
          { title: t('field.claimNo'), dataIndex: 'claimNo', width: 195, render: (v: string | null) => (v ? <span className="mono">{v}</span> : '') },
          { title: t('stl.issuedAt'), dataIndex: 'issuedAt', width: 95, render: (v: string) => dateOnly(v) },
          { title: t('field.gross'), dataIndex: 'grossFen', width: 100, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
          { title: t('stl.paid'), dataIndex: 'paidFen', width: 85, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
          {
            title: t('stl.balance'),
            dataIndex: 'balanceFen',
            width: 100,
            align: 'right',
            render: (v: number) => <strong className="num stl-owed">{money(v, locale)}</strong>,
          },
          {
            title: t('stl.recv.age'),
            dataIndex: 'ageDays',
            width: 80,
            render: (v: number, r) => <Tag color={BUCKET_COLOUR[r.bucket]}>{t('stl.recv.days', { n: v })}</Tag>,
          },
        ]}
      />
    </div>
  )
}
