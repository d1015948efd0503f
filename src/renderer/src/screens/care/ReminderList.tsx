import { useState } from 'react'
import { Alert, Table, Tag } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { decimalFromCenti } from '../../../../shared/format/numbers'
import { useApiQuery } from '../../api/query-client'
import { useLocale, useT } from '../../i18n'
import { dateOnly, km } from '../../format'
import { CareToolbar } from './CareToolbar'
import { CareListButtons } from './CareListButtons'
import { CareListPrint } from './CareListPrint'
import { ReminderDialog } from './ReminderDialog'
import { useFiltered } from './use-care'

type Row = OutputOf<Contract['care.reminders.list']>[number]

/** The daily service-reminder call list: cars due for their next service, earliest first; Enter opens the call. */
export function ReminderList() {
  const t = useT()
  const locale = useLocale()
  const query = useApiQuery('care.reminders.list', { limit: 500 })
  const { q, setQ, shown } = useFiltered(query.data)
  const [openId, setOpenId] = useState<number | null>(null)
  const [printing, setPrinting] = useState(false)
  if (printing) return <CareListPrint list="reminders" rows={shown} onBack={() => setPrinting(false)} />
  return (
    <div>
      <CareToolbar q={q} setQ={setQ} count={shown.length} onEnter={() => shown[0] && setOpenId(shown[0].id)}>
        <CareListButtons ask={{ list: 'reminders' }} onPrint={() => setPrinting(true)} disabled={!query.data} />
      </CareToolbar>
      {query.error && <Alert type="error" showIcon title={query.error.message} />}
      <Table<Row>
        size="small"
        rowKey="id"
        loading={query.isPending}
        dataSource={shown}
        pagination={false}
        aria-label={t('care.tab.reminders')}
        locale={{ emptyText: t('care.reminder.empty') }}
        onRow={(row) => ({
          onClick: () => setOpenId(row.id),
          onKeyDown: (e) => e.key === 'Enter' && setOpenId(row.id),
          tabIndex: 0,
          className: 'clickable',
          'aria-label': `${row.plate ?? ''} ${row.roNumber}`.trim(),
        })}
        columns={[
          {
            title: t('care.reminder.dueDate'),
            dataIndex: 'dueDate',
            width: 150,
            render: (v: string, row) => (
              <span>
                {v} {row.overdue && <Tag color="red">{t('care.overdue')}</Tag>}
              </span>
            ),
          },
          { title: t('care.reminder.dueBy'), dataIndex: 'dueBy', width: 90, render: (v: Row['dueBy']) => t(`care.reminder.by.${v}`) },
          { title: t('field.plate'), dataIndex: 'plate', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('field.customer'), dataIndex: 'customerName', ellipsis: true },
          { title: t('field.mobile'), dataIndex: 'mobile', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
          { title: t('field.model'), dataIndex: 'model', ellipsis: true },
          { title: t('care.reminder.lastService'), dataIndex: 'serviceAt', width: 170, render: (v: string, row) => `${dateOnly(v)} · ${km(row.serviceKm, locale)}` },
          { title: t('care.reminder.lastKm'), dataIndex: 'lastKm', width: 110, align: 'right', render: (v: number) => km(v, locale) },
          {
            title: t('care.reminder.kmPerDay'),
            dataIndex: 'kmPerDayCenti',
            width: 90,
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : decimalFromCenti(v, { digits: 0 })),
          },
          { title: t('care.attempts'), dataIndex: 'attempts', width: 80, align: 'right' },
        ]}
      />
      {openId !== null && <ReminderDialog id={openId} onClose={() => setOpenId(null)} />}
    </div>
  )
}
