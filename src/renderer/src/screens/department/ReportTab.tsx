import { useState } from 'react'
import { Button, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography, message } from 'antd'
import dayjs from 'dayjs'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { HANDIN_ROLES } from '../../../../shared/domain/dept-report'
import { reportSheets } from '../../../../shared/format/dept-report'
import { useApi, useApiMutation, useApiQuery } from '../../api/query-client'
import { useFileSave } from '../../files/save-file'
import { dateTime } from '../../format'
import { useLocale, useT } from '../../i18n'
import { useCan, useRole } from '../../permissions'
import type { DepartmentUi } from '../../stores/department-store'
import { cellText, ReportPrint } from './ReportPrint'

type Month = OutputOf<Contract['department.report.months']>['months'][number]
type HandIn = Month['handIns'][number]

const STATE_COLOR: Record<HandIn['state'], string> = { on_time: 'green', late: 'orange', due: 'blue', overdue: 'red' }

/** 部门月度报表: the month's report saved as XLSX or printed, and who handed in which month when. */
export function ReportTab({ ui }: { ui: DepartmentUi }) {
  const t = useT()
  const locale = useLocale()
  const api = useApi()
  const month = ui((s) => s.month)
  const role = useRole()
  const canHandIn = useCan('department.report')
  const canSetDue = useCan('department.targets')
  const { busy, save } = useFileSave()
  const report = useApiQuery('department.report.get', { month })
  const months = useApiQuery('department.report.months', { months: 12 })
  const [printing, setPrinting] = useState(false)
  const [handingIn, setHandingIn] = useState<string | null>(null)
  if (printing && report.data) return <ReportPrint report={report.data} onBack={() => setPrinting(false)} />
  const thisMonth = months.data?.months.find((m) => m.month === month)
  const mine = thisMonth?.handIns.find((h) => h.role === role)
  const measures = report.data ? reportSheets(report.data, t)[0]!.tables[0]! : null
  return (
    <div>
      <Space className="stl-toolbar" wrap>
        <DatePicker picker="month" size="small" allowClear={false} aria-label={t('dept.month')} value={dayjs(`${month}-01`)} onChange={(d) => d && ui.getState().setMonth(d.format('YYYY-MM'))} />
        <Button size="small" onClick={() => void save('xlsx', () => api.call('department.report.xlsx', { month }))} loading={busy !== null}>
          {t('deptReport.download')}
        </Button>
        <Button size="small" onClick={() => setPrinting(true)} disabled={!report.data}>
          {t('deptReport.print')}
        </Button>
        {canHandIn && mine && (
          <Button type="primary" size="small" disabled={!thisMonth?.closed || mine.handedInAt !== null} onClick={() => setHandingIn(month)}>
            {mine.handedInAt !== null ? t('deptReport.handedIn') : t('deptReport.handInOf', { month })}
          </Button>
        )}
      </Space>
      {measures && (
        <Table
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          title={() => <Typography.Text strong>{t('deptReport.title', { month })}</Typography.Text>}
          dataSource={measures.rows}
          columns={measures.header.map((h, j) => ({ title: h, key: j, align: j === 0 ? ('left' as const) : ('right' as const), render: (_: unknown, row: (typeof measures.rows)[number]) => cellText(row[j] ?? null, locale) }))}
        />
      )}
      <Typography.Title level={5} className="dept-report-months">
        {t('deptReport.monthsTitle')}
      </Typography.Title>
      {canSetDue && months.data && <DueDay day={months.data.dueDay} />}
      <Table<Month>
        size="small"
        pagination={false}
        rowKey="month"
        loading={months.isLoading}
        dataSource={months.data?.months ?? []}
        columns={[
          { title: t('deptReport.month'), dataIndex: 'month', key: 'month', width: 90 },
          { title: t('deptReport.col.dueOn'), dataIndex: 'dueOn', key: 'due', width: 110 },
          ...HANDIN_ROLES.map((r) => ({
            title: t(`role.${r}`),
            key: r,
            render: (_: unknown, m: Month) => {
              const h = m.handIns.find((x) => x.role === r)!
              return (
                <Space size={4}>
                  <Tag color={STATE_COLOR[h.state]}>{t(`handInState.${h.state}`)}</Tag>
                  {h.handedInAt && <Typography.Text type="secondary">{`${h.userName ?? ''} ${dateTime(h.handedInAt)}`}</Typography.Text>}
                </Space>
              )
            },
          })),
        ]}
      />
      {handingIn && <HandInModal month={handingIn} onClose={() => setHandingIn(null)} />}
    </div>
  )
}

function DueDay({ day }: { day: number }) {
  const t = useT()
  const [value, setValue] = useState<number | null>(day)
  const set = useApiMutation('department.report.dueDay.set', { onSuccess: (d) => void message.success(t('deptReport.dueDaySaved', { day: d.dueDay })) })
  return (
    <Space className="stl-toolbar">
      <span>{t('deptReport.dueDay')}</span>
      <InputNumber size="small" min={1} max={28} value={value} onChange={setValue} aria-label={t('deptReport.dueDay')} />
      <Button size="small" disabled={value === null || value === day} loading={set.isPending} onClick={() => value !== null && set.mutate({ day: value })}>
        {t('deptReport.dueDaySave')}
      </Button>
    </Space>
  )
}

function HandInModal({ month, onClose }: { month: string; onClose(): void }) {
  const t = useT()
  const [form] = Form.useForm<{ note: string }>()
  const handIn = useApiMutation('department.report.handIn', { form, showError: 'inline', onSuccess: () => onClose() })
  return (
    <Modal open title={t('deptReport.handInTitle', { month })} okText={t('deptReport.handIn')} onOk={() => form.submit()} confirmLoading={handIn.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => handIn.mutate({ month, note: v.note ?? '' })}>
        <Form.Item name="note" label={t('deptReport.handInNote')}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
