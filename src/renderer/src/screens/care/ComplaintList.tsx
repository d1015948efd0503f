import { useState } from 'react'
import { Alert, Button, Table, Tag } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { dateTime } from '../../format'
import { CareToolbar } from './CareToolbar'
import { CareListButtons } from './CareListButtons'
import { CareListPrint } from './CareListPrint'
import { ComplaintCase } from './ComplaintCase'
import { useComplaints, useFiltered } from './use-care'
import { ComplaintRegisterModal } from './ComplaintRegisterModal'
import { useCan } from '../../permissions'

type Row = OutputOf<Contract['care.complaints.list']>[number]
const SEVERITY_COLOUR = { high: 'red', medium: 'orange', low: 'blue' } as const

/** The complaints register: open cases by deadline (late ones marked), Enter opens the case. */
export function ComplaintList({ state }: { state: 'active' | 'closed' }) {
  const t = useT()
  const query = useComplaints(state)
  const { q, setQ, shown } = useFiltered(query.data)
  const [openId, setOpenId] = useState<number | null>(null)
  const [registering, setRegistering] = useState(false)
  const canRegister = useCan('care.complaints') && state === 'active'
  const [printing, setPrinting] = useState(false)
  if (printing) return <CareListPrint list="complaints" rows={shown} sub={t(state === 'active' ? 'care.tab.complaints' : 'care.tab.closedComplaints')} onBack={() => setPrinting(false)} />

  return (
    <div>
      <CareToolbar q={q} setQ={setQ} count={shown.length} onEnter={() => shown[0] && setOpenId(shown[0].id)}>
        <CareListButtons ask={{ list: 'complaints', complaintState: state }} onPrint={() => setPrinting(true)} disabled={!query.data} />
        {canRegister && (
          <Button size="small" type="primary" onClick={() => setRegistering(true)}>
            {t('careDesk.register')}
          </Button>
        )}
      </CareToolbar>
      {query.error && <Alert type="error" showIcon title={query.error.message} />}
      <Table<Row>
        size="small"
        rowKey="id"
        loading={query.isPending}
        dataSource={shown}
        pagination={false}
        aria-label={t(state === 'active' ? 'care.tab.complaints' : 'care.tab.closedComplaints')}
        locale={{ emptyText: t('care.emptyComplaints') }}
        onRow={(row) => ({
          onClick: () => setOpenId(row.id),
          onKeyDown: (e) => e.key === 'Enter' && setOpenId(row.id),
          tabIndex: 0,
          className: 'clickable',
          'aria-label': row.number,
        })}
        columns={[
          { title: t('care.complaint.number'), dataIndex: 'number', width: 130, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('care.state'), dataIndex: 'state', width: 120, render: (v: Row['state']) => t(`complaintState.${v}`) },
          { title: t('care.complaint.severity'), dataIndex: 'severity', width: 80, render: (v: Row['severity']) => <Tag color={SEVERITY_COLOUR[v]}>{t(`complaintSeverity.${v}`)}</Tag> },
          { title: t('care.complaint.category'), dataIndex: 'category', width: 90, render: (v: Row['category']) => t(`complaintCategory.${v}`) },
          { title: t('field.customer'), dataIndex: 'customerName', width: 150, ellipsis: true },
          { title: t('field.plate'), dataIndex: 'plate', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('care.complaint.words'), dataIndex: 'words', ellipsis: true },
          { title: t('care.complaint.owner'), dataIndex: 'ownerName', width: 100, render: (v: string | null) => v ?? '—' },
          {
            title: t('care.complaint.dueAt'),
            dataIndex: 'dueAt',
            width: 170,
            render: (v: string, row) => (
              <span>
                {dateTime(v)} {row.overdue && <Tag color="red">{t('care.overdue')}</Tag>}
              </span>
            ),
          },
        ]}
      />
      {openId !== null && <ComplaintCase id={openId} onClose={() => setOpenId(null)} />}
      {registering && <ComplaintRegisterModal source="phone" onClose={() => setRegistering(false)} />}
    </div>
  )
}
