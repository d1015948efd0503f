import { Table, Tag } from 'antd'
import { useT } from '../../i18n'
import { dateTime } from '../../format'
import { decimalFromCenti } from '../../../../shared/format/numbers'
import { mulDivRound } from '../../../../shared/domain/stock'
import { hrefOf } from '../../router'
import type { DrillCallT } from '../../stores/dashboard-store'

/** The follow-ups (and the calls that completed them) behind a customer-care figure. */
export function DrillCalls({ calls, scores }: { calls: readonly DrillCallT[]; scores: boolean }) {
  const t = useT()
  return (
    <Table<DrillCallT>
      size="small"
      rowKey="followUpId"
      dataSource={[...calls]}
      aria-label={t('dash.drillCalls')}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      rowClassName={(c) => (!scores && !c.inTime && !c.pending ? 'drill-late' : '')}
      columns={[
        { title: t('field.roNumber'), dataIndex: 'roNumber', width: 130, render: (v: string, c) => <a href={hrefOf({ name: 'ro', id: c.roId })} className="mono">{v}</a> },
        { title: t('field.customer'), dataIndex: 'customerName' },
        { title: t('dash.call.advisor'), dataIndex: 'advisorName', width: 100 },
        { title: t('dash.call.deliveredAt'), dataIndex: 'deliveredAt', width: 130, render: (v: string) => dateTime(v) },
        ...(scores ? [] : [{ title: t('dash.call.dueAt'), dataIndex: 'dueAt', width: 130, render: (v: string) => dateTime(v) }]),
        { title: t('dash.call.calledAt'), dataIndex: 'calledAt', width: 130, render: (v: string | null) => dateTime(v) },
        scores
          ? {
              title: t('dash.call.score'),
              dataIndex: 'scoreSum',
              width: 90,
              align: 'right' as const,
              render: (v: number | null, c: DrillCallT) => <span className="num">{v === null || !c.answers ? '—' : decimalFromCenti(mulDivRound(v, 100, c.answers))}</span>,
            }
          : {
              title: '',
              dataIndex: 'inTime',
              width: 90,
              render: (v: boolean, c: DrillCallT) =>
                c.pending ? <Tag>{t('dash.pending')}</Tag> : v ? <Tag color="green">{t('dash.call.inTime')}</Tag> : <Tag color="red">{t('dash.late')}</Tag>,
            },
      ]}
    />
  )
}
