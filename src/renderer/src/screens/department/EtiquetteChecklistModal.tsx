import { useEffect, useState } from 'react'
import { Button, Input, Modal, Space, Table, Typography } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'

type Item = OutputOf<Contract['department.etiquette.checklist']>[number]

/** The etiquette checklist: reword an item, take it off, add one at the end. */
export function EtiquetteChecklistModal({ onClose }: { onClose(): void }) {
  const t = useT()
  const items = useApiQuery('department.etiquette.checklist', {})
  const [label, setLabel] = useState('')
  const add = useApiMutation('department.etiquette.item.save', { onSuccess: () => setLabel('') })
  return (
    <Modal open title={t('etiquette.checklist')} onCancel={onClose} footer={null} width={760}>
      <Table<Item>
        size="small"
        rowKey="id"
        loading={!items.data}
        pagination={false}
        dataSource={items.data ?? []}
        aria-label={t('etiquette.checklist')}
        columns={[{ title: t('etiquette.item'), render: (_, i, n) => <ItemRow item={i} n={n + 1} canRemove={(items.data?.length ?? 0) > 1} /> }]}
      />
      <Space className="dept-h" wrap>
        <Input size="small" style={{ width: 480 }} maxLength={120} aria-label={t('etiquette.newItem')} placeholder={t('etiquette.newItem')} value={label} onChange={(e) => setLabel(e.target.value)} onPressEnter={() => label.trim() && add.mutate({ label })} />
        <Button size="small" type="primary" disabled={label.trim() === ''} loading={add.isPending} onClick={() => add.mutate({ label })}>
          {t('etiquette.addItem')}
        </Button>
      </Space>
    </Modal>
  )
}

function ItemRow({ item, n, canRemove }: { item: Item; n: number; canRemove: boolean }) {
  const t = useT()
  const [label, setLabel] = useState(item.label)
  useEffect(() => setLabel(item.label), [item.label])
  const save = useApiMutation('department.etiquette.item.save')
  const remove = useApiMutation('department.etiquette.item.remove')
  return (
    <Space wrap>
      <Typography.Text type="secondary">{n}</Typography.Text>
      <Input size="small" style={{ width: 460 }} maxLength={120} aria-label={t('etiquette.itemLabelOf', { n })} value={label} onChange={(e) => setLabel(e.target.value)} />
      <Button size="small" disabled={label.trim() === item.label || label.trim() === ''} loading={save.isPending} onClick={() => save.mutate({ id: item.id, label })}>
        {t('etiquette.saveItem')}
      </Button>
      <Button size="small" type="text" danger disabled={!canRemove} aria-label={t('etiquette.removeItemOf', { n })} loading={remove.isPending} onClick={() => remove.mutate({ id: item.id })}>
        {t('etiquette.remove')}
      </Button>
    </Space>
  )
}
