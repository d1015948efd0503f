import { useState } from 'react'
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import type { MessageKey } from '../../../../shared/i18n'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { fenToYuanText, money, yuanTextToFen } from '../../format'
import { useLocale, useT } from '../../i18n'
import { useCan } from '../../permissions'
import type { DepartmentUi } from '../../stores/department-store'

type Incident = OutputOf<Contract['quality.incidents']>[number]
type Proposal = OutputOf<Contract['quality.comebacks']>[number]
interface Fields {
  roNumber: string
  occurredOn: dayjs.Dayjs
  what: string
  analysis: string
  handling: string
  cost: string
}

/** 维修质量事故: the comebacks the system proposes for the month, and the register. */
export function QualityTab({ ui }: { ui: DepartmentUi }) {
  const t = useT()
  const month = ui((s) => s.month)
  const canWrite = useCan('department.quality')
  const [editing, setEditing] = useState<Incident | 'new' | null>(null)
  const [deciding, setDeciding] = useState<{ p: Proposal; how: 'register' | 'dismiss' } | null>(null)
  return (
    <div>
      <Space className="stl-toolbar" wrap>
        <DatePicker picker="month" size="small" allowClear={false} aria-label={t('dept.month')} value={dayjs(`${month}-01`)} onChange={(d) => d && ui.getState().setMonth(d.format('YYYY-MM'))} />
        {canWrite && (
          <Button type="primary" size="small" onClick={() => setEditing('new')}>
            {t('quality.new')}
          </Button>
        )}
      </Space>
      <Comebacks month={month} canWrite={canWrite} onDecide={(p, how) => setDeciding({ p, how })} />
      <Register month={month} canWrite={canWrite} onEdit={setEditing} />
      {editing && <IncidentModal incident={editing === 'new' ? null : editing} month={month} onClose={() => setEditing(null)} />}
      {deciding?.how === 'register' && <IncidentModal proposal={deciding.p} incident={null} month={month} onClose={() => setDeciding(null)} />}
      {deciding?.how === 'dismiss' && <DismissModal proposal={deciding.p} onClose={() => setDeciding(null)} />}
    </div>
  )
}

function useProposalText() {
  const t = useT()
  return (p: Proposal) =>
    p.source === 'qc_rework'
      ? t('quality.qcText', { reasons: p.reasons.join('；') })
      : t('quality.repeatText', { earlier: p.earlierRoNumber ?? '', days: p.days ?? 0, ops: p.opCodes.join('、') })
}

function Comebacks({ month, canWrite, onDecide }: { month: string; canWrite: boolean; onDecide(p: Proposal, how: 'register' | 'dismiss'): void }) {
  const t = useT()
  const text = useProposalText()
  const list = useApiQuery('quality.comebacks', { month })
  return (
    <>
      <Typography.Title level={5} className="dept-h">
        {t('quality.comebacks')}
      </Typography.Title>
      <ComebackWindow canWrite={canWrite} />
      <Table<Proposal>
        size="small"
        rowKey="key"
        loading={!list.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={list.data ?? []}
        aria-label={t('quality.comebacks')}
        locale={{ emptyText: t('quality.noComebacks') }}
        columns={[
          { title: t('field.date'), dataIndex: 'occurredOn', width: 110 },
          { title: t('quality.kind'), width: 100, render: (_, p) => <Tag color={p.source === 'qc_rework' ? 'orange' : 'red'}>{t(`incidentSource.${p.source}` as MessageKey)}</Tag> },
          { title: t('quality.ro'), dataIndex: 'roNumber', width: 150 },
          { title: t('quality.vehicle'), render: (_, p) => `${p.plate ?? ''} ${p.vehicle}`.trim() },
          { title: t('quality.why'), render: (_, p) => text(p) },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'act',
                  width: 170,
                  render: (_: unknown, p: Proposal) => (
                    <Space size="small">
                      <Button size="small" type="primary" aria-label={t('quality.registerOf', { ro: p.roNumber })} onClick={() => onDecide(p, 'register')}>
                        {t('quality.register')}
                      </Button>
                      <Button size="small" aria-label={t('quality.dismissOf', { ro: p.roNumber })} onClick={() => onDecide(p, 'dismiss')}>
                        {t('quality.dismiss')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  )
}

function Register({ month, canWrite, onEdit }: { month: string; canWrite: boolean; onEdit(i: Incident): void }) {
  const t = useT()
  const locale = useLocale()
  const list = useApiQuery('quality.incidents', { month })
  const close = useApiMutation('quality.incident.close')
  return (
    <>
      <Typography.Title level={5} className="dept-h">
        {t('quality.register.title')}
      </Typography.Title>
      {close.problem && <Typography.Text type="danger">{close.problem}</Typography.Text>}
      <Table<Incident>
        size="small"
        rowKey="id"
        loading={!list.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={list.data ?? []}
        aria-label={t('quality.register.title')}
        columns={[
          { title: t('field.date'), dataIndex: 'occurredOn', width: 110 },
          { title: t('quality.ro'), dataIndex: 'roNumber', width: 150 },
          { title: t('quality.vehicle'), render: (_, i) => `${i.plate ?? ''} ${i.vehicle}`.trim() },
          { title: t('quality.what'), dataIndex: 'what' },
          { title: t('quality.analysis'), dataIndex: 'analysis' },
          { title: t('quality.handling'), dataIndex: 'handling' },
          { title: t('quality.cost'), align: 'right', width: 110, render: (_, i) => money(i.costFen, locale) },
          { title: t('quality.source'), width: 100, render: (_, i) => t(`incidentSource.${i.source}` as MessageKey) },
          { title: t('quality.state'), width: 90, render: (_, i) => <Tag color={i.state === 'open' ? 'gold' : 'green'}>{t(`incidentState.${i.state}` as MessageKey)}</Tag> },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'act',
                  width: 150,
                  render: (_: unknown, i: Incident) =>
                    i.state === 'open' ? (
                      <Space size="small">
                        <Button size="small" aria-label={t('quality.editOf', { ro: i.roNumber ?? '' })} onClick={() => onEdit(i)}>
                          {t('quality.edit')}
                        </Button>
                        <Button size="small" aria-label={t('quality.closeOf', { ro: i.roNumber ?? '' })} loading={close.isPending} onClick={() => close.mutate({ id: i.id, version: i.version })}>
                          {t('quality.close')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </>
  )
}

function IncidentModal({ incident, proposal, month, onClose }: { incident: Incident | null; proposal?: Proposal; month: string; onClose(): void }) {
  const t = useT()
  const text = useProposalText()
  const [form] = Form.useForm<Fields>()
  const save = useApiMutation('quality.incident.save', { form, showError: 'inline', onSuccess: () => onClose() })
  const register = useApiMutation('quality.comeback.register', { form, showError: 'inline', onSuccess: () => onClose() })
  const pending = save.isPending || register.isPending
  const problem = save.problem ?? register.problem
  const initial: Partial<Fields> = incident
    ? { roNumber: incident.roNumber ?? '', occurredOn: dayjs(incident.occurredOn), what: incident.what, analysis: incident.analysis, handling: incident.handling, cost: fenToYuanText(incident.costFen) }
    : proposal
      ? { roNumber: proposal.roNumber, occurredOn: dayjs(proposal.occurredOn), what: text(proposal), analysis: '', handling: '', cost: '0.00' }
      : { roNumber: '', occurredOn: dayjs(`${month}-01`), what: '', analysis: '', handling: '', cost: '0.00' }
  function submit(v: Fields) {
    const details = { what: v.what, analysis: v.analysis ?? '', handling: v.handling ?? '', costFen: yuanTextToFen(v.cost) ?? 0 }
    if (proposal) register.mutate({ key: proposal.key, ...details })
    else save.mutate({ ...(incident ? { id: incident.id, version: incident.version } : {}), roNumber: v.roNumber, occurredOn: v.occurredOn.format('YYYY-MM-DD'), ...details })
  }
  const fixed = proposal !== undefined || (incident !== null && incident.source !== 'manual')
  return (
    <Modal open width={560} title={t(proposal ? 'quality.registerTitle' : incident ? 'quality.editTitle' : 'quality.newTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('dept.save')} confirmLoading={pending}>
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      <Form form={form} layout="vertical" size="small" initialValues={initial} onFinish={submit}>
        <Space>
          <Form.Item name="roNumber" label={t('quality.ro')} rules={[{ required: true, whitespace: true, message: t('dept.required') }]}>
            <Input maxLength={40} disabled={fixed} autoFocus={!fixed} />
          </Form.Item>
          <Form.Item name="occurredOn" label={t('field.date')} rules={[{ required: true, message: t('dept.required') }]}>
            <DatePicker allowClear={false} disabled={proposal !== undefined} />
          </Form.Item>
          <Form.Item
            name="cost"
            label={t('quality.costYuan')}
            rules={[{ validator: (_, v: string) => (yuanTextToFen(v ?? '') !== null && (yuanTextToFen(v ?? '') ?? 0) >= 0 ? Promise.resolve() : Promise.reject(new Error(t('quality.badCost')))) }]}
          >
            <Input style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item name="what" label={t('quality.what')} rules={[{ required: true, whitespace: true, message: t('dept.required') }]}>
          <Input.TextArea rows={2} maxLength={500} autoFocus={fixed} />
        </Form.Item>
        <Form.Item name="analysis" label={t('quality.analysis')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="handling" label={t('quality.handling')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function DismissModal({ proposal, onClose }: { proposal: Proposal; onClose(): void }) {
  const t = useT()
  const text = useProposalText()
  const [form] = Form.useForm<{ reason: string }>()
  const dismiss = useApiMutation('quality.comeback.dismiss', { form, showError: 'inline', onSuccess: () => onClose() })
  return (
    <Modal open title={t('quality.dismissTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('quality.dismiss')} confirmLoading={dismiss.isPending}>
      <Typography.Paragraph>{`${proposal.roNumber}：${text(proposal)}`}</Typography.Paragraph>
      {dismiss.problem && <Typography.Text type="danger">{dismiss.problem}</Typography.Text>}
      <Form form={form} layout="vertical" size="small" onFinish={(v) => dismiss.mutate({ key: proposal.key, reason: v.reason })}>
        <Form.Item name="reason" label={t('quality.dismissReason')} rules={[{ required: true, whitespace: true, message: t('dept.required') }]}>
          <Input.TextArea rows={2} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** The comeback window in force, and for the technical supervisor (and the manager) its setting. */
function ComebackWindow({ canWrite }: { canWrite: boolean }) {
  const t = useT()
  const { message } = App.useApp()
  const window = useApiQuery('quality.comebackDays', {})
  const [days, setDays] = useState<number | null>(null)
  const save = useApiMutation('quality.comebackDays.set', { onSuccess: (w) => void message.success(t('quality.comebackDaysSaved', { n: w.days })) })
  const w = window.data
  if (!w) return null
  return (
    <Space className="dept-comeback-window" wrap>
      <Typography.Text type="secondary">
        {t('quality.comebackWindow', { n: w.days, d: w.defaultDays })}
      </Typography.Text>
      {canWrite && (
        <>
          <InputNumber size="small" min={1} max={365} precision={0} aria-label={t('quality.comebackDays')} value={days ?? w.days} onChange={(v) => setDays(v)} />
          <Button size="small" disabled={days === null || days === w.days} loading={save.isPending} onClick={() => days !== null && save.mutate({ days })}>
            {t('quality.comebackDaysSave')}
          </Button>
        </>
      )}
    </Space>
  )
}
