import { useState } from 'react'
import { Button, DatePicker, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { FIVES_ITEM_MAX, type FivesArea } from '../../../../shared/domain/department'
import type { MessageKey } from '../../../../shared/i18n'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'

type Item = OutputOf<Contract['department.fiveS.checklist']>[number]

interface FindingDraft {
  key: number
  text: string
  ownerId: number | null
  dueOn: dayjs.Dayjs
}

/** A 5S audit of one area: every checklist item scored 0–5, findings with an owner and a due date. */
export function FivesAuditModal({ area, month, onClose }: { area: FivesArea; month: string; onClose(): void }) {
  const t = useT()
  const items = useApiQuery('department.fiveS.checklist', { area })
  const staff = useApiQuery('department.staff', {})
  const [auditedOn, setAuditedOn] = useState(() => (dayjs(`${month}-01`).isSame(dayjs(), 'month') ? dayjs() : dayjs(`${month}-01`)))
  const [scores, setScores] = useState<Record<number, number>>({})
  const [findings, setFindings] = useState<FindingDraft[]>([])
  const record = useApiMutation('department.fiveS.record', { showError: 'inline', onSuccess: () => onClose() })
  const list = items.data ?? []
  const scoreOf = (i: Item) => scores[i.id] ?? FIVES_ITEM_MAX
  const total = list.reduce((s, i) => s + scoreOf(i), 0)
  const setFinding = (key: number, patch: Partial<FindingDraft>) => setFindings((fs) => fs.map((f) => (f.key === key ? { ...f, ...patch } : f)))
  const ready = list.length > 0 && findings.every((f) => f.text.trim() !== '' && f.ownerId !== null)
  const submit = () =>
    record.mutate({
      area,
      auditedOn: auditedOn.format('YYYY-MM-DD'),
      scores: list.map((i) => ({ itemId: i.id, score: scoreOf(i) })),
      findings: findings.map((f) => ({ text: f.text, ownerId: f.ownerId ?? 0, dueOn: f.dueOn.format('YYYY-MM-DD') })),
    })
  return (
    <Modal
      open
      title={`${t('dept.fives.record')} · ${t(`fivesArea.${area}` as MessageKey)}`}
      onCancel={onClose}
      onOk={submit}
      okText={t('dept.save')}
      okButtonProps={{ disabled: !ready }}
      confirmLoading={record.isPending}
      width={760}
    >
      {record.problem && <Typography.Text type="danger">{record.problem}</Typography.Text>}
      <Space className="stl-toolbar">
        <span>{t('field.date')}</span>
        <DatePicker size="small" allowClear={false} aria-label={t('field.date')} value={auditedOn} onChange={(d) => d && setAuditedOn(d)} />
        <Typography.Text type="secondary">{t('dept.fives.scoreHint')}</Typography.Text>
        <strong>{t('dept.fives.total', { score: total, max: list.length * FIVES_ITEM_MAX })}</strong>
      </Space>
      <Table<Item>
        size="small"
        rowKey="id"
        loading={!items.data}
        pagination={false}
        dataSource={list}
        aria-label={t('dept.fives.item')}
        columns={[
          { key: 's', title: t('dept.fives.s'), width: 90, render: (_, i) => t(`fiveS.${i.s}` as MessageKey) },
          { key: 'label', title: t('dept.fives.item'), dataIndex: 'label' },
          {
            key: 'score',
            title: t('dept.fives.score'),
            width: 90,
            render: (_, i) => (
              <InputNumber
                size="small"
                min={0}
                max={FIVES_ITEM_MAX}
                precision={0}
                value={scoreOf(i)}
                aria-label={t('dept.fives.itemScoreOf', { label: i.label })}
                onChange={(v) => setScores((s) => ({ ...s, [i.id]: v ?? 0 }))}
              />
            ),
          },
        ]}
      />
      <Space className="dept-h" direction="vertical" style={{ width: '100%' }}>
        {findings.map((f, n) => (
          <Space key={f.key} wrap>
            <Input size="small" style={{ width: 300 }} maxLength={300} aria-label={t('dept.fives.findingTextOf', { n: n + 1 })} placeholder={t('dept.fives.finding')} value={f.text} onChange={(e) => setFinding(f.key, { text: e.target.value })} />
            <Select<number>
              size="small"
              showSearch
              optionFilterProp="label"
              style={{ width: 130 }}
              placeholder={t('dept.fives.owner')}
              aria-label={t('dept.fives.findingOwnerOf', { n: n + 1 })}
              value={f.ownerId ?? undefined}
              onChange={(v) => setFinding(f.key, { ownerId: v })}
              options={(staff.data ?? []).map((s) => ({ value: s.userId, label: s.name }))}
            />
            <DatePicker size="small" allowClear={false} aria-label={t('dept.fives.findingDueOf', { n: n + 1 })} value={f.dueOn} onChange={(d) => d && setFinding(f.key, { dueOn: d })} />
            <Button size="small" type="text" danger onClick={() => setFindings((fs) => fs.filter((x) => x.key !== f.key))}>
              {t('dept.fives.remove')}
            </Button>
          </Space>
        ))}
        <Space>
          <Button size="small" onClick={() => setFindings((fs) => [...fs, { key: (fs.at(-1)?.key ?? 0) + 1, text: '', ownerId: null, dueOn: auditedOn.add(7, 'day') }])}>
            {t('dept.fives.addFinding')}
          </Button>
          <Typography.Text type="secondary">{t('dept.fives.noPhoto')}</Typography.Text>
        </Space>
      </Space>
    </Modal>
  )
}
