import { useEffect, useState } from 'react'
import { Button, Input, Modal, Select, Space, Table, Typography } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { FIVE_S, type FiveS, type FivesArea } from '../../../../shared/domain/department'
import type { MessageKey } from '../../../../shared/i18n'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'

type Item = OutputOf<Contract['department.fiveS.checklist']>[number]

/** An area's 5S checklist: reword an item, take it off, add one at the end. */
export function FivesChecklistModal({ area, onClose }: { area: FivesArea; onClose(): void }) {
  const t = useT()
  const items = useApiQuery('department.fiveS.checklist', { area })
  const [s, setS] = useState<FiveS>('seiri')
  const [label, setLabel] = useState('')
  const add = useApiMutation('department.fiveS.item.save', { onSuccess: () => setLabel('') })
  const sOptions = FIVE_S.map((x) => ({ value: x, label: t(`fiveS.${x}` as MessageKey) }))
  return (
    <Modal open title={t('dept.fives.checklistOf', { area: t(`fivesArea.${area}` as MessageKey) })} onCancel={onClose} footer={null} width={760}>
      <Table<Item>
        size="small"
        rowKey="id"
        loading={!items.data}
        pagination={false}
        dataSource={items.data ?? []}
        aria-label={t('dept.fives.checklistOf', { area: t(`fivesArea.${area}` as MessageKey) })}
        columns={[{ title: t('dept.fives.item'), render: (_, i, n) => <ItemRow item={i} n={n + 1} canRemove={(items.data?.length ?? 0) > 1} sOptions={sOptions} /> }]}
      />
      <Space className="dept-h" wrap>
        <Select<FiveS> size="small" style={{ width: 110 }} aria-label={t('dept.fives.newItemS')} value={s} onChange={setS} options={sOptions} />
        <Input size="small" style={{ width: 380 }} maxLength={120} aria-label={t('dept.fives.newItemLabel')} placeholder={t('dept.fives.newItemLabel')} value={label} onChange={(e) => setLabel(e.target.value)} onPressEnter={() => label.trim() && add.mutate({ area, s, label })} />
        <Button size="small" type="primary" disabled={label.trim() === ''} loading={add.isPending} onClick={() => add.mutate({ area, s, label })}>
          {t('dept.fives.addItem')}
        </Button>
      </Space>
    </Modal>
  )
}

function ItemRow({ item, n, canRemove, sOptions }: { item: Item; n: number; canRemove: boolean; sOptions: { value: FiveS; label: string }[] }) {
  const t = useT()
  const [label, setLabel] = useState(item.label)
  const [s, setS] = useState<FiveS>(item.s)
  useEffect(() => {
    setLabel(item.label)
    setS(item.s)
  }, [item.label, item.s])
  const save = useApiMutation('department.fiveS.item.save')
  const remove = useApiMutation('department.fiveS.item.remove')
  const changed = label.trim() !== item.label || s !== item.s
  return (
    <Space wrap>
      <Typography.Text type="secondary">{n}</Typography.Text>
      <Select<FiveS> size="small" style={{ width: 110 }} aria-label={t('dept.fives.itemSOf', { n })} value={s} onChange={setS} options={sOptions} />
      <Input size="small" style={{ width: 360 }} maxLength={120} aria-label={t('dept.fives.itemLabelOf', { n })} value={label} onChange={(e) => setLabel(e.target.value)} />
      <Button size="small" disabled={!changed || label.trim() === ''} loading={save.isPending} onClick={() => save.mutate({ id: item.id, area: item.area, s, label })}>
        {t('dept.fives.saveItem')}
      </Button>
      <Button size="small" type="text" danger disabled={!canRemove} aria-label={t('dept.fives.removeItemOf', { n })} loading={remove.isPending} onClick={() => remove.mutate({ id: item.id })}>
        {t('dept.fives.remove')}
      </Button>
    </Space>
  )
}
