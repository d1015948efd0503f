import { useState } from 'react'
import { Alert, Table, Tag } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { dateOnly, dateTime } from '../../format'
import { CareToolbar } from './CareToolbar'
import { CareListButtons } from './CareListButtons'
import { CareListPrint } from './CareListPrint'
import { CallDialog } from './CallDialog'
import { useFiltered, useFollowUps } from './use-care'

type Row = OutputOf<Contract['care.followups.list']>[number]

/** The daily call list: open follow-ups by due time (overdue first), F2 filters, Enter opens the call. */
export function FollowUpList({ state }: { state: 'open' | 'closed' }) {
  const t = useT()
  const query = useFollowUps(state)
  const { q, setQ, shown } = useFiltered(query.data)
  const [openId, setOpenId] = useState<number | null>(null)
  const [printing, setPrinting] = useState(false)
  if (printing) return <CareListPrint list="followups" rows={shown} sub={t(state === 'open' ? 'care.tab.followups' : 'care.tab.closed')} onBack={() => setPrinting(false)} />

  return (
    <div>
      <CareToolbar q={q} setQ={setQ} count={shown.length} onEnter={() => shown[0] && setOpenId(shown[0].id)}>
        <CareListButtons ask={{ list: 'followups', followUpState: state }} onPrint={() => setPrinting(true)} disabled={!query.data} />
      </CareToolbar>
      {query.error && <Alert type="error" showIcon title={query.error.message} />}
      <Table<Row>
        size="small"
        rowKey="id"
        loading={query.isPending}
        dataSource={shown}
        pagination={false}
        aria-label={t(state === 'open' ? 'care.tab.followups' : 'care.tab.closed')}
        locale={{ emptyText: t('care.emptyFollowUps') }}
        onRow={(row) => ({
          onClick: () => setOpenId(row.id),
          onKeyDown: (e) => e.key === 'Enter' && setOpenId(row.id),
          tabIndex: 0,
          className: 'clickable',
          'aria-label': `${row.plate ?? ''} ${row.roNumber}`.trim(),
        })}
        columns={[
          {
            title: t('care.dueDate'),
            dataIndex: 'dueDate',
            width: 130,
            render: (v: string, row) => (
              <span>
                {v} {row.overdue && <Tag color="red">{t('care.overdue')}</Tag>}
              </span>
            ),
          },
          { title: t('field.roNumber'), dataIndex: 'roNumber', width: 130, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('field.plate'), dataIndex: 'plate', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('field.customer'), dataIndex: 'customerName', ellipsis: true },
          { title: t('field.mobile'), dataIndex: 'mobile', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
          { title: t('field.model'), dataIndex: 'model' },
          { title: t('care.deliveredAt'), dataIndex: 'deliveredAt', width: 150, render: (v: string) => dateTime(v) },
          { title: t('care.assignee'), dataIndex: 'assigneeName', width: 100 },
          { title: t('care.attempts'), dataIndex: 'attempts', width: 80, align: 'right' },
          state === 'open'
            ? { title: t('care.callbackAt'), dataIndex: 'callbackAt', width: 150, render: (v: string | null) => (v ? dateTime(v) : '—') }
            : { title: t('care.state'), dataIndex: 'state', width: 150, render: (v: Row['state'], row) => `${t(`followUpState.${v}`)} ${dateOnly(row.closedAt)}` },
        ]}
      />
      {openId !== null && <CallDialog id={openId} onClose={() => setOpenId(null)} />}
    </div>
  )
}
