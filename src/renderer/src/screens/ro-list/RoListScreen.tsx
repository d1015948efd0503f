import { useCallback, useState } from 'react'
import { Alert, Card, Segmented, Table, Tag } from 'antd'
import { useApiQuery } from '../../api/query-client'
import { useLocale, useT } from '../../i18n'
import { dateTime, money } from '../../format'
import { navigate } from '../../router'
import type { RoSummaryT } from '../../stores/types'
import { stateColour } from '../ro/state-colour'
import { RoListFilters, type RoFilters } from './RoListFilters'

const PAGE = 50

/** 工单列表: open orders by default; a row opens its order (click or Enter). */
export function RoListScreen({ all }: { all: boolean }) {
  const t = useT()
  const locale = useLocale()
  const [page, setPage] = useState(1)
  const [filters, setFilters] = useState<RoFilters>({})
  const changeFilters = useCallback((next: RoFilters) => {
    setPage(1)
    setFilters(next)
  }, [])

  // Undefined filters are left out: the contract is strict about what it is sent.
  const given = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as RoFilters
  const query = useApiQuery('ro.list', { ...given, ...(all ? {} : { open: true }), limit: PAGE, offset: (page - 1) * PAGE }, { keepPrevious: true })
  const list = { rows: query.data?.rows ?? [], total: query.data?.total ?? 0, loading: query.isFetching, error: query.error?.message ?? null }

  const open = (row: RoSummaryT) => navigate({ name: 'ro', id: row.id })

  return (
    <Card
      size="small"
      title={t('roList.title')}
      extra={
        <Segmented
          value={all ? 'all' : 'open'}
          onChange={(v) => {
            setPage(1)
            navigate({ name: 'roList', all: v === 'all' })
          }}
          options={[
            { value: 'open', label: t('roList.open') },
            { value: 'all', label: t('roList.all') },
          ]}
        />
      }
    >
      <RoListFilters value={filters} onChange={changeFilters} />
      <div className="ro-list-count">{t('roList.count', { n: list.total })}</div>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 8 }} />}
      <Table<RoSummaryT>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.rows}
        aria-label={t('roList.title')}
        locale={{ emptyText: t('roList.empty') }}
        pagination={{ current: page, pageSize: PAGE, total: list.total, onChange: setPage, showSizeChanger: false }}
        rowClassName={(row) => (row.late.length > 0 ? 'ro-late' : '')}
        onRow={(row) => ({
          onClick: () => open(row),
          onKeyDown: (e) => e.key === 'Enter' && open(row),
          tabIndex: 0,
          className: 'clickable',
        })}
        columns={[
          { title: t('field.roNumber'), dataIndex: 'number', width: 130, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('field.plate'), dataIndex: 'plate', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('field.customer'), dataIndex: 'customerName' },
          { title: t('field.model'), dataIndex: 'model' },
          { title: t('field.type'), dataIndex: 'type', width: 90, render: (v: RoSummaryT['type']) => t(`roType.${v}`) },
          {
            title: t('field.state'),
            dataIndex: 'state',
            width: 170,
            render: (v: RoSummaryT['state'], row) => (
              <>
                <Tag color={stateColour(v)}>{t(`roState.${v}`)}</Tag>
                {row.late.map((late) => (
                  <Tag key={late} color="red" className="late-tag">
                    {t(`roList.late.${late}`)}
                  </Tag>
                ))}
              </>
            ),
          },
          { title: t('field.advisorId'), dataIndex: 'advisorName', width: 90 },
          { title: t('field.openedAt'), dataIndex: 'openedAt', width: 130, render: (v: string) => dateTime(v) },
          { title: t('field.promisedAt'), dataIndex: 'promisedAt', width: 130, render: (v: string | null) => dateTime(v) },
          {
            title: t('field.gross'),
            dataIndex: 'grossFen',
            width: 110,
            align: 'right',
            render: (v: number) => <span className="num">{money(v, locale)}</span>,
          },
        ]}
      />
    </Card>
  )
}
