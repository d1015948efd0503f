import { useEffect, useMemo, useRef, useState } from 'react'
import { Alert, Input, Table, Tag, Typography, type InputRef } from 'antd'
import { daysBetween } from '../../../../shared/domain/settlement'
import { useLocale, useT } from '../../i18n'
import { dateOnly, dateTime, money, todayIn } from '../../format'
import { useHotkeys } from '../../hotkeys'
import { navigate } from '../../router'
import { type QueueRowT, type QueueState, useSettlementQueue } from '../../stores/settlement-store'
import { useTimeZone } from './use-settlement'

const matches = (row: QueueRowT, q: string) =>
  [row.number, row.plate ?? '', row.customerName, row.model, row.advisorName].some((v) => v.toUpperCase().includes(q))

/** The cashier's queue: F2 to the filter, Enter opens the first match or the focused row. */
export function QueueTable({ state }: { state: QueueState }) {
  const t = useT()
  const locale = useLocale()
  const today = todayIn(useTimeZone())
  const { rows, error } = useSettlementQueue(state)
  const [q, setQ] = useState('')
  const filter = useRef<InputRef>(null)

  useEffect(() => filter.current?.focus(), [])
  useHotkeys({ F2: () => filter.current?.focus() })

  const shown = useMemo(() => {
    const needle = q.trim().toUpperCase()
    return needle ? (rows ?? []).filter((r) => matches(r, needle)) : (rows ?? [])
  }, [rows, q])
  const open = (row: QueueRowT) => navigate({ name: 'settleRo', id: row.id })
  const waited = (row: QueueRowT) => (row.completedAt ? Math.max(0, daysBetween(dateOnly(row.completedAt), today)) : null)

  return (
    <div className="stl-queue">
      <div className="stl-toolbar">
        <Input
          ref={filter}
          allowClear
          size="small"
          className="stl-filter"
          placeholder={t('stl.queue.filter')}
          aria-label={t('stl.queue.filter')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && shown[0]) open(shown[0])
          }}
        />
        <Typography.Text type="secondary" className="stl-keys">
          {t('stl.queue.keys')}
        </Typography.Text>
        <span className="stl-total">{t('stl.queue.count', { n: shown.length })}</span>
      </div>
      {error && <Alert type="error" showIcon title={error} className="stl-gap" />}
      <Table<QueueRowT>
        size="small"
        rowKey="id"
        loading={rows === null && !error}
        dataSource={shown}
        pagination={false}
        aria-label={t(state === 'ready' ? 'stl.tab.ready' : 'stl.tab.settled')}
        locale={{ emptyText: t(state === 'ready' ? 'stl.queue.emptyReady' : 'stl.queue.emptySettled') }}
        onRow={(row) => ({
          onClick: () => open(row),
          onKeyDown: (e) => e.key === 'Enter' && open(row),
          tabIndex: 0,
          className: 'clickable',
          'aria-label': `${row.plate ?? ''} ${row.number}`.trim(),
        })}
        columns={[
          { title: t('field.roNumber'), dataIndex: 'number', width: 130, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('field.plate'), dataIndex: 'plate', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('field.customer'), dataIndex: 'customerName' },
          { title: t('field.model'), dataIndex: 'model' },
          { title: t('field.type'), dataIndex: 'type', width: 100, render: (v: QueueRowT['type']) => t(`roType.${v}`) },
          { title: t('field.advisorId'), dataIndex: 'advisorName', width: 90 },
          {
            title: t('stl.completedAt'),
            dataIndex: 'completedAt',
            width: 170,
            render: (v: string | null, row) => {
              const days = waited(row)
              return (
                <span>
                  {dateTime(v)}
                  {state === 'ready' && days !== null && days > 0 && (
                    <Tag color={days >= 3 ? 'red' : 'orange'} className="stl-age">
                      {t('stl.queue.waited', { n: days })}
                    </Tag>
                  )}
                </span>
              )
            },
          },
          ...(state === 'settled'
            ? [{ title: t('stl.settledAt'), dataIndex: 'settledAt', width: 130, render: (v: string | null) => dateTime(v) }]
            : []),
          { title: t('field.gross'), dataIndex: 'grossFen', width: 110, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
          ...(state === 'settled'
            ? [
                {
                  // The customer's own debt holds the car; other payers' open invoices are shown apart.
                  title: t('stl.queue.customerOwes'),
                  dataIndex: 'customerBalanceFen',
                  width: 110,
                  align: 'right' as const,
                  render: (v: number) => <span className={v > 0 ? 'num stl-owed' : 'num'}>{money(v, locale)}</span>,
                },
                {
                  title: t('stl.queue.othersOpen'),
                  key: 'others',
                  width: 120,
                  align: 'right' as const,
                  render: (_: unknown, r: QueueRowT) => <span className="num muted">{money(r.balanceFen - r.customerBalanceFen, locale)}</span>,
                },
              ]
            : []),
        ]}
      />
    </div>
  )
}
