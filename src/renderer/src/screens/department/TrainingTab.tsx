import { useState } from 'react'
import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { DEPARTMENTS, TRAINING_TYPES, type Department, type TrainingType } from '../../../../shared/domain/department'
import type { MessageKey } from '../../../../shared/i18n'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { AttachmentsButton } from '../../components/Attachments'
import { useCan } from '../../permissions'
import type { DepartmentUi } from '../../stores/department-store'

type Month = OutputOf<Contract['department.training.month']>
type Session = Month['sessions'][number]

/** 培训: the month's sessions per department against the manual's targets, and the repair cases. */
export function TrainingTab({ ui }: { ui: DepartmentUi }) {
  const t = useT()
  const month = ui((s) => s.month)
  const canRecord = useCan('department.training')
  const query = useApiQuery('department.training.month', { month })
  const [recording, setRecording] = useState(false)
  const m = query.data
  return (
    <div>
      <Space className="stl-toolbar">
        <DatePicker picker="month" size="small" allowClear={false} aria-label={t('dept.month')} value={dayjs(`${month}-01`)} onChange={(d) => d && ui.getState().setMonth(d.format('YYYY-MM'))} />
        {canRecord && (
          <Button type="primary" size="small" onClick={() => setRecording(true)}>
            {t('dept.recordTraining')}
          </Button>
        )}
      </Space>
      {m && (
        <Space wrap className="dept-counts">
          {m.counts.map((c) => (
            <Card size="small" key={c.department} aria-label={t('dept.countOf', { department: t(`department.${c.department}` as MessageKey) })}>
              <div className="dept-count-head">{t(`department.${c.department}` as MessageKey)}</div>
              <div className="dept-count">
                <Tag color={c.target === null ? 'default' : c.sessions >= c.target ? 'green' : 'red'}>
                  {c.target === null ? t('dept.sessionsN', { n: c.sessions }) : t('dept.sessionsOf', { n: c.sessions, target: c.target })}
                </Tag>
              </div>
              <Typography.Text type="secondary">{t('dept.attendance', { a: c.attendees, p: c.passed })}</Typography.Text>
            </Card>
          ))}
          <Card size="small" aria-label={t('dept.repairCases')}>
            <div className="dept-count-head">{t('dept.repairCases')}</div>
            <Tag color={m.repairCases.count >= m.repairCases.target ? 'green' : 'red'}>{t('dept.sessionsOf', { n: m.repairCases.count, target: m.repairCases.target })}</Tag>
          </Card>
        </Space>
      )}
      <Table<Session>
        size="small"
        rowKey="id"
        loading={!m}
        pagination={false}
        dataSource={m?.sessions ?? []}
        aria-label={t('dept.sessions')}
        columns={[
          { title: t('field.date'), dataIndex: 'heldOn' },
          { title: t('audit.field.department'), render: (_, s) => t(`department.${s.department}` as MessageKey) },
          { title: t('dept.trainingType'), render: (_, s) => t(`trainingType.${s.type}` as MessageKey) },
          { title: t('audit.field.topic'), dataIndex: 'topic' },
          { title: t('dept.trainer'), dataIndex: 'trainer' },
          { title: t('dept.minutes'), dataIndex: 'durationMin', align: 'right' },
          {
            title: t('dept.trainingMaterials'),
            render: (_, s) => (
              <AttachmentsButton ownerKind="training_session" ownerId={s.id} count={s.attachments} editable={canRecord} label={t('attachments.ofSession', { topic: s.topic })} title={t('attachments.ofSession', { topic: s.topic })} />
            ),
          },
          {
            title: t('dept.assessment'),
            render: (_, s) =>
              s.attendees.map((a) => (
                <Tag key={a.userId} color={a.passed === null ? 'default' : a.passed ? 'green' : 'red'}>
                  {a.name}
                  {a.score === null ? '' : ` ${a.score}`}
                </Tag>
              )),
          },
        ]}
      />
      {recording && <RecordModal month={month} onClose={() => setRecording(false)} />}
    </div>
  )
}

interface Assessment {
  userId: number
  passed: boolean
  score: number | null
}

function RecordModal({ month, onClose }: { month: string; onClose(): void }) {
  const t = useT()
  const staff = useApiQuery('department.staff', {})
  const [form] = Form.useForm()
  const [people, setPeople] = useState<Assessment[]>([])
  const record = useApiMutation('department.training.record', { form, showError: 'inline', onSuccess: () => onClose() })
  const nameOf = (id: number) => staff.data?.find((s) => s.userId === id)?.name ?? String(id)
  const submit = (v: { heldOn: dayjs.Dayjs; department: Department; type: TrainingType; topic: string; trainer: string; durationMin: number }) =>
    record.mutate({
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      department: v.department,
      type: v.type,
      topic: v.topic,
      trainer: v.trainer,
      durationMin: v.durationMin,
      attendees: people.map((p) => ({ userId: p.userId, passed: p.passed, score: p.score })),
    })
  return (
    <Modal open title={t('dept.recordTraining')} onCancel={onClose} onOk={() => form.submit()} okText={t('dept.save')} confirmLoading={record.isPending} width={720}>
      {record.problem && <Typography.Text type="danger">{record.problem}</Typography.Text>}
      <Form form={form} layout="vertical" size="small" onFinish={submit} initialValues={{ heldOn: dayjs(`${month}-01`).isSame(dayjs(), 'month') ? dayjs() : dayjs(`${month}-01`), department: 'front_desk', type: 'internal', durationMin: 60 }}>
        <Space wrap>
          <Form.Item name="heldOn" label={t('field.date')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="department" label={t('audit.field.department')}>
            <Select style={{ width: 120 }} options={DEPARTMENTS.map((d) => ({ value: d, label: t(`department.${d}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="type" label={t('dept.trainingType')}>
            <Select style={{ width: 120 }} options={TRAINING_TYPES.map((d) => ({ value: d, label: t(`trainingType.${d}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="durationMin" label={t('dept.minutes')}>
            <InputNumber min={5} max={1440} />
          </Form.Item>
        </Space>
        <Form.Item name="topic" label={t('audit.field.topic')} rules={[{ required: true, message: t('dept.required') }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="trainer" label={t('dept.trainer')} rules={[{ required: true, message: t('dept.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t('dept.attendees')} name="attendees">
          <Select
            mode="multiple"
            aria-label={t('dept.attendees')}
            optionFilterProp="label"
            value={people.map((p) => p.userId)}
            onChange={(ids: number[]) => setPeople((ps) => ids.map((id) => ps.find((p) => p.userId === id) ?? { userId: id, passed: true, score: null }))}
            options={(staff.data ?? []).map((s) => ({ value: s.userId, label: s.name }))}
          />
        </Form.Item>
      </Form>
      {people.length > 0 && (
        <Table<Assessment>
          size="small"
          rowKey="userId"
          pagination={false}
          dataSource={people}
          aria-label={t('dept.assessment')}
          columns={[
            { title: t('dept.person'), render: (_, p) => nameOf(p.userId) },
            {
              title: t('dept.passed'),
              render: (_, p) => (
                <Checkbox checked={p.passed} aria-label={t('dept.passedOf', { name: nameOf(p.userId) })} onChange={(e) => setPeople((ps) => ps.map((x) => (x.userId === p.userId ? { ...x, passed: e.target.checked } : x)))} />
              ),
            },
            {
              title: t('dept.score'),
              render: (_, p) => (
                <InputNumber size="small" min={0} max={100} value={p.score} aria-label={t('dept.scoreOf', { name: nameOf(p.userId) })} onChange={(v) => setPeople((ps) => ps.map((x) => (x.userId === p.userId ? { ...x, score: v ?? null } : x)))} />
              ),
            },
          ]}
        />
      )}
    </Modal>
  )
}
