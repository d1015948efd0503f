import { useState } from 'react'
import { AttachmentsButton } from '../../components/Attachments'
import { Button, DatePicker, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { FIVES_AREAS, type FivesArea } from '../../../../shared/domain/department'
import { percentFromBp } from '../../../../shared/format/numbers'
import type { MessageKey } from '../../../../shared/i18n'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { dateTime } from '../../format'
import { useT } from '../../i18n'
import { useCan } from '../../permissions'
import type { DepartmentUi } from '../../stores/department-store'
import { FivesAuditModal } from './FivesAuditModal'
import { FivesChecklistModal } from './FivesChecklistModal'

type Trend = OutputOf<Contract['department.fiveS.trend']>['areas'][number]
type Audit = OutputOf<Contract['department.fiveS.audits']>[number]
type Finding = OutputOf<Contract['department.fiveS.findings']>[number]
type FindingState = 'open' | 'closed' | 'all'

/** 5S 管理: the score trend per area, the findings to follow up, the month's audits. */
export function FivesTab({ ui }: { ui: DepartmentUi }) {
  const t = useT()
  const month = ui((s) => s.month)
  const canAudit = useCan('department.fiveS')
  const [area, setArea] = useState<FivesArea>('workshop')
  const [modal, setModal] = useState<'audit' | 'checklist' | null>(null)
  const areaName = (a: FivesArea) => t(`fivesArea.${a}` as MessageKey)
  return (
    <div>
      <Space className="stl-toolbar" wrap>
        <DatePicker picker="month" size="small" allowClear={false} aria-label={t('dept.month')} value={dayjs(`${month}-01`)} onChange={(d) => d && ui.getState().setMonth(d.format('YYYY-MM'))} />
        <Select<FivesArea> size="small" style={{ width: 130 }} aria-label={t('dept.fives.area')} value={area} onChange={setArea} options={FIVES_AREAS.map((a) => ({ value: a, label: areaName(a) }))} />
        {canAudit && (
          <>
            <Button type="primary" size="small" onClick={() => setModal('audit')}>
              {t('dept.fives.record')}
            </Button>
            <Button size="small" onClick={() => setModal('checklist')}>
              {t('dept.fives.editChecklist')}
            </Button>
          </>
        )}
      </Space>
      <TrendTable month={month} />
      <FindingsTable canClose={canAudit} />
      <AuditsTable month={month} />
      {modal === 'audit' && <FivesAuditModal area={area} month={month} onClose={() => setModal(null)} />}
      {modal === 'checklist' && <FivesChecklistModal area={area} onClose={() => setModal(null)} />}
    </div>
  )
}

function TrendTable({ month }: { month: string }) {
  const t = useT()
  const trend = useApiQuery('department.fiveS.trend', { month, months: 6 })
  const months = trend.data?.months ?? []
  return (
    <>
      <Typography.Title level={5} className="dept-h">
        {t('dept.fives.trend')}
      </Typography.Title>
      <Table<Trend>
        size="small"
        rowKey="area"
        loading={!trend.data}
        pagination={false}
        dataSource={trend.data?.areas ?? []}
        aria-label={t('dept.fives.trend')}
        columns={[
          { title: t('dept.fives.area'), render: (_, a) => t(`fivesArea.${a.area}` as MessageKey) },
          ...months.map((m, i) => ({
            title: m,
            key: m,
            align: 'right' as const,
            render: (_: unknown, a: Trend) => {
              const p = a.points[i]
              if (!p || p.scoreBp === null) return <Typography.Text type="secondary">{t('dept.fives.noAudit')}</Typography.Text>
              return <span className={p.scoreBp < 8_000 ? 'dept-bad' : undefined}>{t('dept.fives.trendCell', { pct: percentFromBp(p.scoreBp, { digits: 0 }), n: p.audits })}</span>
            },
          })),
          {
            title: t('dept.fives.openFindings'),
            align: 'right',
            render: (_, a) => <span className={a.overdueFindings > 0 ? 'dept-bad' : undefined}>{t('dept.fives.findingsN', { open: a.openFindings, overdue: a.overdueFindings })}</span>,
          },
        ]}
      />
    </>
  )
}

function FindingsTable({ canClose }: { canClose: boolean }) {
  const t = useT()
  const [state, setState] = useState<FindingState>('open')
  const [closing, setClosing] = useState<Finding | null>(null)
  const findings = useApiQuery('department.fiveS.findings', { state })
  return (
    <>
      <Space className="dept-h">
        <Typography.Title level={5} className="stl-title">
          {t('dept.fives.findings')}
        </Typography.Title>
        <Segmented<FindingState>
          size="small"
          aria-label={t('dept.fives.showState')}
          value={state}
          onChange={setState}
          options={(['open', 'closed', 'all'] as const).map((s) => ({ value: s, label: t(`dept.fives.state.${s}`) }))}
        />
      </Space>
      <Table<Finding>
        size="small"
        rowKey="id"
        loading={!findings.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={findings.data ?? []}
        aria-label={t('dept.fives.findings')}
        columns={[
          { title: t('dept.fives.area'), render: (_, f) => t(`fivesArea.${f.area}` as MessageKey) },
          { title: t('dept.fives.finding'), dataIndex: 'text' },
          { title: t('dept.fives.owner'), dataIndex: 'ownerName' },
          { title: t('dept.fives.dueOn'), render: (_, f) => (f.overdue ? <Tag color="red">{`${f.dueOn} ${t('dept.fives.overdue')}`}</Tag> : f.dueOn) },
          {
            title: t('dept.fives.photos'),
            render: (_, f) => (
              <AttachmentsButton ownerKind="fives_finding" ownerId={f.id} count={f.attachments} editable={canClose} label={t('attachments.ofFinding', { text: f.text })} title={t('attachments.ofFinding', { text: f.text })} />
            ),
          },
          {
            title: t('dept.fives.closeNote'),
            render: (_, f) =>
              f.state === 'closed' ? (
                <span>
                  {f.closeNote} <Typography.Text type="secondary">{t('dept.fives.closedOn', { at: dateTime(f.closedAt) })}</Typography.Text>
                </span>
              ) : canClose ? (
                <Button size="small" aria-label={t('dept.fives.closeOf', { text: f.text })} onClick={() => setClosing(f)}>
                  {t('dept.fives.close')}
                </Button>
              ) : null,
          },
        ]}
      />
      {closing && <CloseModal finding={closing} onClose={() => setClosing(null)} />}
    </>
  )
}

function CloseModal({ finding, onClose }: { finding: Finding; onClose(): void }) {
  const t = useT()
  const [form] = Form.useForm<{ note: string }>()
  const close = useApiMutation('department.fiveS.close', { form, showError: 'inline', onSuccess: () => onClose() })
  return (
    <Modal open title={t('dept.fives.closeTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('dept.fives.confirmClose')} confirmLoading={close.isPending}>
      <Typography.Paragraph>{finding.text}</Typography.Paragraph>
      {close.problem && <Typography.Text type="danger">{close.problem}</Typography.Text>}
      <Form form={form} layout="vertical" size="small" onFinish={(v) => close.mutate({ id: finding.id, version: finding.version, note: v.note })}>
        <Form.Item name="note" label={t('dept.fives.closeNote')} rules={[{ required: true, whitespace: true, message: t('dept.required') }]}>
          <Input.TextArea rows={2} maxLength={300} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function AuditsTable({ month }: { month: string }) {
  const t = useT()
  const audits = useApiQuery('department.fiveS.audits', { month })
  return (
    <>
      <Typography.Title level={5} className="dept-h">
        {t('dept.fives.audits')}
      </Typography.Title>
      <Table<Audit>
        size="small"
        rowKey="id"
        loading={!audits.data}
        pagination={false}
        dataSource={audits.data ?? []}
        aria-label={t('dept.fives.audits')}
        columns={[
          { title: t('field.date'), dataIndex: 'auditedOn' },
          { title: t('dept.fives.area'), render: (_, a) => t(`fivesArea.${a.area}` as MessageKey) },
          { title: t('dept.fives.auditor'), dataIndex: 'auditorName' },
          { title: t('dept.fives.score'), align: 'right', render: (_, a) => t('dept.fives.scoreValue', { score: a.score, max: a.maxScore, pct: percentFromBp(a.maxScore > 0 ? Math.round((a.score * 10_000) / a.maxScore) : null, { digits: 0 }) }) },
          { title: t('dept.fives.findingsCount'), align: 'right', render: (_, a) => a.findings.length },
        ]}
      />
    </>
  )
}
