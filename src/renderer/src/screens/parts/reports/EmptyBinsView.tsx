import { Alert, Button, Space, Table } from 'antd'
import { useT } from '../../../i18n'
import { dateTime } from '../../../format'
import type { EmptyBinT } from '../../../stores/parts-types'
import { goParts, partsHref } from '../parts-route'
import { qty } from '../parts-format'
import { useChannel } from '../use-parts'

/** 空货位: stocked parts whose shelf is empty now, in walking order — the clerk's daily board. */
export function EmptyBinsView() {
  const t = useT()
  const list = useChannel('stock.emptyBins', { limit: 2000 })
  const rows = list.data ?? []

  return (
    <div className="pt-view">
      <div className="pt-toolbar">
        <span className="muted">{t('pt.bins.hint', { n: rows.length })}</span>
        <Space className="pt-toolbar-end">
          <Button disabled={rows.length === 0} onClick={() => goParts({ kind: 'labels', partIds: rows.slice(0, 500).map((r) => r.partId) })}>
            {t('pt.bins.labels')}
          </Button>
          <Button type="primary" onClick={() => goParts({ kind: 'binsPrint' })}>
            {t('pt.bins.print')}
          </Button>
        </Space>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} className="pt-gap" />}
      <Table<EmptyBinT>
        size="small"
        rowKey="partId"
        loading={list.loading && !list.data}
        dataSource={rows}
        pagination={false}
        aria-label={t('pt.tab.bins')}
        locale={{ emptyText: t('pt.bins.empty') }}
        rowClassName={(r) => (r.reservedMilli > 0 ? 'pt-row-urgent' : '')}
        columns={[
          { title: t('field.bin'), dataIndex: 'bin', width: 100, render: (v: string) => <span className="mono pt-bin">{v}</span> },
          { title: t('field.partNumber'), dataIndex: 'partNumber', width: 160, render: (v: string, r) => <a className="mono" href={partsHref({ kind: 'part', id: r.partId })}>{v}</a> },
          { title: t('field.name'), dataIndex: 'name' },
          {
            title: t('pt.bins.wanted'),
            dataIndex: 'reservedMilli',
            width: 110,
            align: 'right',
            render: (v: number) => (v > 0 ? <span className="num pt-negative">{qty(v)}</span> : ''),
          },
          { title: t('pt.lastIssue'), dataIndex: 'lastIssueAt', width: 140, render: (v: string | null) => dateTime(v) },
        ]}
      />
    </div>
  )
}
