import { useState } from 'react'
import { App, Button, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { PART_HANDLINGS, SHELF_STATES, type PartHandling, type ShelfState } from '../../../../shared/domain/warranty-parts'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { navigate } from '../../router'
import { useCan } from '../../permissions'

type ShelfPart = OutputOf<Contract['warranty.parts.shelf']>[number]

/** 旧件架: warranty old parts tagged at the counter — shelve them for their claim, label, pack for return, scrap after retention. */
export function ShelfView() {
  const t = useT()
  const { message } = App.useApp()
  const canWrite = useCan('warranty.write')
  const [state, setState] = useState<ShelfState | undefined>(undefined)
  const [selected, setSelected] = useState<number[]>([])
  const [keeping, setKeeping] = useState<ShelfPart | null>(null)
  const [scrapping, setScrapping] = useState<ShelfPart | null>(null)
  const shelf = useApiQuery('warranty.parts.shelf', state ? { state } : {}, { keepPrevious: true })
  const pack = useApiMutation('warranty.shipments.create', {
    onSuccess: (s) => {
      setSelected([])
      void message.success(t('wty.shelf.packed', { number: s.number }))
    },
  })
  const packable = (p: ShelfPart) => p.state === 'kept' && p.handling === 'return'
  return (
    <div className="wty-shelf">
      <Space wrap>
        <Select<ShelfState | 'all'>
          aria-label={t('wty.shelf.filter')}
          style={{ width: 160 }}
          value={state ?? 'all'}
          onChange={(v) => setState(v === 'all' ? undefined : v)}
          options={[{ value: 'all', label: t('wty.shelf.all') }, ...SHELF_STATES.map((s) => ({ value: s, label: t(`warranty.shelf.${s}`) }))]}
        />
        {canWrite && (
          <Button type="primary" disabled={selected.length === 0} loading={pack.isPending} onClick={() => pack.mutate({ oldPartIds: selected })}>
            {t('wty.shelf.pack', { count: selected.length })}
          </Button>
        )}
        <Typography.Text type="secondary">{t('wty.shelf.selectHint')}</Typography.Text>
      </Space>
      <Table<ShelfPart>
        size="small"
        rowKey="id"
        aria-label={t('wty.tab.shelf')}
        loading={shelf.isLoading}
        dataSource={shelf.data ?? []}
        pagination={false}
        locale={{ emptyText: t('wty.shelf.empty') }}
        rowSelection={canWrite ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)), getCheckboxProps: (p) => ({ disabled: !packable(p), 'aria-label': p.tag }) } : undefined}
        columns={[
          { title: t('wty.shelf.tag'), dataIndex: 'tag', className: 'mono', width: 130 },
          { title: t('wty.shelf.part'), key: 'part', render: (_, p) => `${p.partNumber ?? ''} ${p.description}` },
          { title: t('wty.shelf.claim'), key: 'claim', className: 'mono', width: 130, render: (_, p) => p.claim?.number ?? '—' },
          { title: t('wty.shelf.place'), dataIndex: 'place', className: 'mono', width: 90, render: (v: string | null) => v ?? '—' },
          { title: t('wty.shelf.handling'), dataIndex: 'handling', width: 90, render: (h: PartHandling | null) => (h ? t(`warranty.handling.${h}`) : '—') },
          {
            title: t('wty.shelf.due'),
            key: 'due',
            width: 150,
            render: (_, p) => (
              <Space size={4}>
                {p.dueOn ?? '—'}
                {p.overdue && <Tag color="red">{t('wty.shelf.overdue')}</Tag>}
                {p.scrappable && <Tag color="orange">{t('wty.shelf.scrappable')}</Tag>}
              </Space>
            ),
          },
          { title: t('wty.shelf.state'), dataIndex: 'state', width: 100, render: (s: ShelfState) => t(`warranty.shelf.${s}`) },
          {
            key: 'actions',
            width: 170,
            render: (_, p) => (
              <Space size={4}>
                {canWrite && p.state === 'pending' && (
                  <Button size="small" type="primary" onClick={() => setKeeping(p)}>
                    {t('wty.shelf.keep')}
                  </Button>
                )}
                {p.claim && (
                  <Button size="small" onClick={() => navigate({ name: 'warrantyLabelPrint', id: p.id })}>
                    {t('wty.shelf.label')}
                  </Button>
                )}
                {canWrite && p.scrappable && (
                  <Button size="small" danger onClick={() => setScrapping(p)}>
                    {t('wty.shelf.scrap')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {keeping && <KeepModal part={keeping} onClose={() => setKeeping(null)} />}
      {scrapping && <ScrapModal part={scrapping} onClose={() => setScrapping(null)} />}
    </div>
  )
}

function KeepModal({ part, onClose }: { part: ShelfPart; onClose(): void }) {
  const t = useT()
  const [form] = Form.useForm<{ claimId: number; place: string; handling: PartHandling }>()
  const claims = useApiQuery('warranty.claim.list', { q: part.roNumber })
  const keep = useApiMutation('warranty.parts.keep', { form, onSuccess: onClose })
  const options = (claims.data ?? []).map((c) => ({ value: c.id, label: `${c.number} · ${t(`warranty.state.${c.state}`)}` }))
  return (
    <Modal open title={t('wty.shelf.keepTitle', { tag: part.tag })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={keep.isPending} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ handling: 'return', place: '', ...(options.length === 1 ? { claimId: options[0]!.value } : {}) }}
        key={options.length}
        onFinish={(v) => keep.mutate({ id: part.id, version: part.version, claimId: v.claimId, place: v.place, handling: v.handling })}
      >
        <Form.Item name="claimId" label={t('wty.shelf.chooseClaim')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select aria-label={t('wty.shelf.chooseClaim')} options={options} loading={claims.isLoading} />
        </Form.Item>
        <Form.Item name="place" label={t('wty.shelf.place')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input aria-label={t('wty.shelf.place')} maxLength={20} autoFocus />
        </Form.Item>
        <Form.Item name="handling" label={t('wty.shelf.handling')}>
          <Radio.Group optionType="button" options={PART_HANDLINGS.map((h) => ({ value: h, label: t(`warranty.handling.${h}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function ScrapModal({ part, onClose }: { part: ShelfPart; onClose(): void }) {
  const t = useT()
  const [form] = Form.useForm<{ reason: string }>()
  const scrap = useApiMutation('warranty.parts.scrap', { form, onSuccess: onClose })
  return (
    <Modal open title={t('wty.shelf.scrapTitle', { tag: part.tag })} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ danger: true }} confirmLoading={scrap.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => scrap.mutate({ id: part.id, version: part.version, reason: v.reason })}>
        <Form.Item name="reason" label={t('wty.shelf.scrapReason')} rules={[{ required: true, min: 2, message: t('validation.required') }]}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  )
}
