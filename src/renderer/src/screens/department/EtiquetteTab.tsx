import { useState } from 'react'
import { Button, DatePicker, Space, Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { percentFromBp } from '../../../../shared/format/numbers'
import { useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { useCan } from '../../permissions'
import type { DepartmentUi } from '../../stores/department-store'
import { EtiquetteCheckModal } from './EtiquetteCheckModal'
import { EtiquetteChecklistModal } from './EtiquetteChecklistModal'

type Check = OutputOf<Contract['department.etiquette.checks']>[number]

/** 形象礼仪: the month's etiquette checks of staff; recording one, editing the checklist. */
export function EtiquetteTab({ ui }: { ui: DepartmentUi }) {
  const t = useT()
  const month = ui((s) => s.month)
  const canCheck = useCan('department.etiquette')
  const [modal, setModal] = useState<'check' | 'checklist' | null>(null)
  const checks = useApiQuery('department.etiquette.checks', { month })
  return (
    <div>
      <Space className="stl-toolbar" wrap>
        <DatePicker picker="month" size="small" allowClear={false} aria-label={t('dept.month')} value={dayjs(`${month}-01`)} onChange={(d) => d && ui.getState().setMonth(d.format('YYYY-MM'))} />
        {canCheck && (
          <>
            <Button type="primary" size="small" onClick={() => setModal('check')}>
              {t('etiquette.record')}
            </Button>
            <Button size="small" onClick={() => setModal('checklist')}>
              {t('etiquette.editChecklist')}
            </Button>
          </>
        )}
        <Typography.Text type="secondary">{t('etiquette.formula')}</Typography.Text>
      </Space>
      <Typography.Title level={5} className="dept-h">
        {t('etiquette.monthChecks')}
      </Typography.Title>
      <EtiquetteChecksTable checks={checks.data} showPerson />
      {modal === 'check' && <EtiquetteCheckModal month={month} onClose={() => setModal(null)} />}
      {modal === 'checklist' && <EtiquetteChecklistModal onClose={() => setModal(null)} />}
    </div>
  )
}

/** A list of checks: who, when, by whom, the score and the items failed with their notes. */
export function EtiquetteChecksTable({ checks, showPerson }: { checks: Check[] | undefined; showPerson: boolean }) {
  const t = useT()
  return (
    <Table<Check>
      size="small"
      rowKey="id"
      loading={!checks}
      pagination={false}
      dataSource={checks ?? []}
      aria-label={t('etiquette.monthChecks')}
      columns={[
        { key: 'date', title: t('field.date'), dataIndex: 'checkedOn', width: 110 },
        ...(showPerson ? [{ key: 'person', title: t('etiquette.person'), dataIndex: 'personName' as const }] : []),
        { key: 'checker', title: t('etiquette.checker'), dataIndex: 'checkerName' },
        { key: 'score', title: t('etiquette.score'), align: 'right', render: (_, c) => t('etiquette.scoreValue', { p: c.passed, n: c.items, pct: percentFromBp(c.scoreBp) }) },
        {
          key: 'failed',
          title: t('etiquette.failed'),
          render: (_, c) => {
            const failed = c.results.filter((r) => !r.passed)
            if (!failed.length) return <Tag color="green">{t('etiquette.none')}</Tag>
            return (
              <Space direction="vertical" size={0}>
                {failed.map((r) => (
                  <span key={r.itemId}>
                    <Tag color="red">{r.label}</Tag>
                    {r.note}
                  </span>
                ))}
              </Space>
            )
          },
        },
      ]}
    />
  )
}
