import { useMemo, useRef, useState } from 'react'
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd'
import { RO_TYPES, type RoType } from '../../../../../shared/domain/ro-type'
import { fieldProblems, type Failure } from '../../../api/failure'
import { useT } from '../../../i18n'
import { useQueryClient } from '@tanstack/react-query'
import { apiKey, useApiQuery } from '../../../api/query-client'
import { checklistLabel } from '../checklist-label'
import { useCan } from '../../../permissions'
import { draftOf, moved, sameItems, toSave, type DraftItem } from './checklist-draft'
import './checklist.css'
import { useWorkshopWrite } from '../../../stores/workshop-store'

/** The host's limits on one item's text (the contract's `label`), so the field stops where the host would refuse. */
const LABEL_MAX = 100

/**
 * 竣工检验清单: the items the inspector ticks, per RO type. Edits stay local until saved, since one
 * save replaces the whole list; a change elsewhere reloads the list only while nothing is edited.
 */
export function ChecklistPanel() {
  const write = useWorkshopWrite()
  const t = useT()
  const { message } = App.useApp()
  const allowed = useCan('workshop.configure')
  const [type, setType] = useState<RoType>('maintenance')
  const queryClient = useQueryClient()
  const query = useApiQuery('workshop.qc.checklist', { type })
  const loadError = query.error?.message ?? null
  const server = useMemo(() => (query.data ? { type, items: draftOf(query.data) } : null), [query.data, type])
  const [edits, setEdits] = useState<DraftItem[] | null>(null)
  const [text, setText] = useState('')
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<Failure | null>(null)
  const counter = useRef(0)

  if (!allowed) return null

  const saved = server?.type === type ? server.items : null
  const items = edits ?? saved
  const dirty = edits !== null && (saved === null || !sameItems(edits, saved))
  const typeName = t(`roType.${type}`)
  const edit = (next: DraftItem[]) => {
    setEdits(next)
    setFailure(null)
  }

  const add = () => {
    const label = text.trim()
    if (!label || !items) return
    edit([...items, { key: `new-${++counter.current}`, label }])
    setText('')
  }

  const save = async () => {
    if (!items) return
    setSaving(true)
    const result = await write('workshop.qc.saveChecklist', { type, items: toSave(items) })
    setSaving(false)
    if (!result.ok) return setFailure(result)
    queryClient.setQueryData(apiKey('workshop.qc.checklist', { type }), result.data)
    setEdits(null)
    void message.success(t('wk.checklist.saved', { type: typeName }))
  }

  const discard = () => {
    setEdits(null)
    setFailure(null)
  }

  // Problems the host names per item (`items.3.label`) stand on that item's row.
  const rowProblems = new Map<number, string[]>()
  for (const p of failure ? fieldProblems(failure) : []) {
    const index = p.name[1]
    if (p.name[0] === 'items' && typeof index === 'number') rowProblems.set(index, [...(rowProblems.get(index) ?? []), ...p.errors])
  }

  return (
    <Card size="small" title={t('wk.checklist.title')}>
      {loadError && <Alert type="error" showIcon title={loadError} />}
      <Space wrap size={8} className="ws-checklist-bar">
        <Select<RoType>
          size="small"
          className="ws-filter"
          aria-label={t('wk.checklist.type')}
          value={type}
          // Switching types would drop unsaved edits: save or discard first.
          disabled={dirty}
          onChange={(next) => {
            setType(next)
            discard()
          }}
          options={RO_TYPES.map((k) => ({ value: k, label: t(`roType.${k}`) }))}
        />
        <Space.Compact size="small">
          <Input
            size="small"
            className="ws-filter-wide"
            aria-label={t('wk.checklist.newItem')}
            placeholder={t('wk.checklist.newItemPlaceholder')}
            maxLength={LABEL_MAX}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={add}
          />
          <Button size="small" disabled={!text.trim() || !items} onClick={add}>
            {t('wk.checklist.add')}
          </Button>
        </Space.Compact>
      </Space>
      <Table<DraftItem>
        size="small"
        rowKey="key"
        pagination={false}
        loading={!items}
        dataSource={items ?? []}
        aria-label={t('wk.checklist.listOf', { type: typeName })}
        locale={{ emptyText: t('wk.checklist.none') }}
        columns={[
          { title: t('wk.checklist.position'), width: 56, render: (_, _r, i) => <span className="mono">{i + 1}</span> },
          {
            title: t('wk.checklist.item'),
            render: (_, r, i) => (
              <span>
                {checklistLabel(t, r.label)} {r.id === undefined && <Tag color="blue">{t('wk.checklist.unsaved')}</Tag>}
                {rowProblems.get(i)?.map((p) => (
                  <Typography.Text key={p} type="danger" className="ws-checklist-problem">
                    {p}
                  </Typography.Text>
                ))}
              </span>
            ),
          },
          {
            title: t('wk.checklist.actions'),
            width: 110,
            render: (_, r, i) => {
              const label = checklistLabel(t, r.label)
              return (
                <Space size={2}>
                  <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} aria-label={t('wk.checklist.moveUp', { label })} onClick={() => edit(moved(items ?? [], i, -1))} />
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowDownOutlined />}
                    disabled={i === (items?.length ?? 0) - 1}
                    aria-label={t('wk.checklist.moveDown', { label })}
                    onClick={() => edit(moved(items ?? [], i, 1))}
                  />
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('wk.checklist.remove', { label })} onClick={() => edit((items ?? []).filter((x) => x.key !== r.key))} />
                </Space>
              )
            },
          },
        ]}
      />
      {failure && <Alert type="error" showIcon role="alert" className="ws-checklist-error" title={failure.message} />}
      <div className="ws-checklist-footer">
        <Typography.Text type="secondary">{t('wk.checklist.hint')}</Typography.Text>
        <Space size={8}>
          <Button size="small" disabled={!dirty || saving} onClick={discard}>
            {t('wk.checklist.discard')}
          </Button>
          <Button size="small" type="primary" loading={saving} disabled={!dirty} onClick={() => void save()}>
            {t('wk.checklist.save')}
          </Button>
        </Space>
      </div>
    </Card>
  )
}
