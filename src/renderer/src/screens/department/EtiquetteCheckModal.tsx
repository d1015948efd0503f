import { useState } from 'react'
import { Checkbox, DatePicker, Input, Modal, Select, Space, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { mayCheck } from '../../../../shared/domain/etiquette'
import type { MessageKey } from '../../../../shared/i18n'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { useRole } from '../../permissions'

type Item = OutputOf<Contract['department.etiquette.checklist']>[number]

/** One etiquette check: the person, the day, every checklist item passed or failed with a note. */
export function EtiquetteCheckModal({ month, onClose }: { month: string; onClose(): void }) {
  const t = useT()
  const role = useRole()
  const items = useApiQuery('department.etiquette.checklist', {})
  const staff = useApiQuery('department.staff', {})
  const [userId, setUserId] = useState<number | null>(null)
  const [checkedOn, setCheckedOn] = useState(() => (dayjs(`${month}-01`).isSame(dayjs(), 'month') ? dayjs() : dayjs(`${month}-01`)))
  const [failed, setFailed] = useState<Record<number, boolean>>({})
  const [notes, setNotes] = useState<Record<number, string>>({})
  const record = useApiMutation('department.etiquette.record', { showError: 'inline', onSuccess: () => onClose() })
  const list = items.data ?? []
  const passed = list.filter((i) => !failed[i.id]).length
  // The host decides who may check whom; the list only leaves out the people it would refuse.
  const people = (staff.data ?? []).filter((s) => role !== null && mayCheck(role, s.role))
  const submit = () =>
    userId !== null &&
    record.mutate({ userId, checkedOn: checkedOn.format('YYYY-MM-DD'), results: list.map((i) => ({ itemId: i.id, passed: !failed[i.id], note: notes[i.id] ?? '' })) })
  return (
    <Modal open title={t('etiquette.record')} onCancel={onClose} onOk={submit} okText={t('dept.save')} okButtonProps={{ disabled: userId === null || list.length === 0 }} confirmLoading={record.isPending} width={760}>
      {record.problem && <Typography.Text type="danger">{record.problem}</Typography.Text>}
      <Space className="stl-toolbar" wrap>
        <Select<number>
          size="small"
          showSearch
          optionFilterProp="label"
          style={{ width: 200 }}
          placeholder={t('etiquette.person')}
          aria-label={t('etiquette.person')}
          value={userId ?? undefined}
          onChange={setUserId}
          options={people.map((s) => ({ value: s.userId, label: `${s.name} · ${t(`role.${s.role}` as MessageKey)}` }))}
        />
        <DatePicker size="small" allowClear={false} aria-label={t('field.date')} value={checkedOn} onChange={(d) => d && setCheckedOn(d)} />
        <strong>{t('etiquette.total', { p: passed, n: list.length })}</strong>
      </Space>
      <Table<Item>
        size="small"
        rowKey="id"
        loading={!items.data}
        pagination={false}
        dataSource={list}
        aria-label={t('etiquette.checklist')}
        columns={[
          { key: 'label', title: t('etiquette.item'), dataIndex: 'label' },
          {
            key: 'passed',
            title: t('etiquette.passed'),
            width: 70,
            render: (_, i, n) => <Checkbox checked={!failed[i.id]} aria-label={t('etiquette.passedOf', { n: n + 1, label: i.label })} onChange={(e) => setFailed((f) => ({ ...f, [i.id]: !e.target.checked }))} />,
          },
          {
            key: 'note',
            title: t('etiquette.note'),
            width: 220,
            render: (_, i, n) => <Input size="small" maxLength={200} aria-label={t('etiquette.noteOf', { n: n + 1 })} value={notes[i.id] ?? ''} onChange={(e) => setNotes((x) => ({ ...x, [i.id]: e.target.value }))} />,
          },
        ]}
      />
    </Modal>
  )
}
