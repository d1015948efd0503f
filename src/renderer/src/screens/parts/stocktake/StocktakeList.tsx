import { useState } from 'react'
import { Alert, Button, Form, Input, Modal, Progress, Radio, Table, Tag } from 'antd'
import { useApiMutation } from '../../../api/query-client'
import { useT, type T } from '../../../i18n'
import { dateTime } from '../../../format'
import type { StocktakeT } from '../../../stores/parts-types'
import { goParts } from '../parts-route'
import { useChannel } from '../use-parts'
import { useCan } from '../../../permissions'

type State = StocktakeT['state']
export const STOCKTAKE_COLOUR: Record<State, string> = { counting: 'blue', approved: 'green', cancelled: 'default' }

interface Values {
  scope: 'all' | 'bins'
  binFrom?: string
  binTo?: string
  note: string
}

function CreateModal({ onClose }: { onClose(): void }) {
  const t = useT()
  const [form] = Form.useForm<Values>()
  const scope = Form.useWatch('scope', form) ?? 'all'
  const create = useApiMutation('stocktake.create', {
    form,
    showError: 'inline',
    onSuccess: (created) => {
      onClose()
      goParts({ kind: 'stocktake', id: created.id })
    },
  })
  const { problem, isPending: busy } = create

  const submit = (v: Values) => {
    const bins = v.scope === 'bins' ? { ...(v.binFrom ? { binFrom: v.binFrom } : {}), ...(v.binTo ? { binTo: v.binTo } : {}) } : {}
    create.mutate({ ...bins, note: v.note ?? '' })
  }

  return (
    <Modal open width={480} title={t('pt.st.new')} onCancel={onClose} onOk={() => form.submit()} okText={t('pt.st.start')} confirmLoading={busy}>
      {problem && <Alert type="error" showIcon role="alert" title={problem} className="pt-gap" />}
      <Form<Values> form={form} layout="vertical" size="small" onFinish={submit} aria-label={t('pt.st.new')} initialValues={{ scope: 'all', note: '' }}>
        <Form.Item name="scope" label={t('pt.st.scope')}>
          <Radio.Group
            options={[
              { value: 'all', label: t('pt.st.scope.all') },
              { value: 'bins', label: t('pt.st.scope.bins') },
            ]}
          />
        </Form.Item>
        {scope === 'bins' && (
          <div className="form-row">
            <Form.Item name="binFrom" label={t('field.binFrom')}>
              <Input className="mono" />
            </Form.Item>
            <Form.Item name="binTo" label={t('field.binTo')}>
              <Input className="mono" />
            </Form.Item>
          </div>
        )}
        <Form.Item name="note" label={t('pt.note')}>
          <Input />
        </Form.Item>
        <p className="muted">{t('pt.st.freezeHint')}</p>
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
    </Modal>
  )
}

export function scopeText(t: T, st: StocktakeT): string {
  return st.scope === 'all' ? t('pt.st.scope.all') : t('pt.st.binRange', { from: st.binFrom ?? '…', to: st.binTo ?? '…' })
}

/** 盘点: stocktakes, newest first; only one may be counting at a time. */
export function StocktakeList() {
  const t = useT()
  const canStart = useCan('parts.stocktake')
  const [creating, setCreating] = useState(false)
  const list = useChannel('stocktake.list', { limit: 50 })
  const open = (row: StocktakeT) => goParts({ kind: 'stocktake', id: row.id })

  return (
    <div className="pt-view">
      <div className="pt-toolbar">
        <span className="muted">{t('pt.st.hint')}</span>
        {canStart && (
          <Button type="primary" className="pt-toolbar-end" onClick={() => setCreating(true)}>
            {t('pt.st.new')}
          </Button>
        )}
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} className="pt-gap" />}
      <Table<StocktakeT>
        size="small"
        rowKey="id"
        dataSource={list.data ?? []}
        pagination={false}
        aria-label={t('pt.tab.stocktake')}
        locale={{ emptyText: t('pt.st.empty') }}
        onRow={(row) => ({ onClick: () => open(row), onKeyDown: (e) => e.key === 'Enter' && open(row), tabIndex: 0, className: 'clickable' })}
        columns={[
          { title: t('pt.st.number'), dataIndex: 'number', width: 140, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('pt.st.scope'), key: 'scope', width: 180, render: (_, r) => scopeText(t, r) },
          { title: t('pt.state'), dataIndex: 'state', width: 90, render: (v: State) => <Tag color={STOCKTAKE_COLOUR[v]}>{t(`stocktakeState.${v}`)}</Tag> },
          {
            title: t('pt.st.progress'),
            key: 'progress',
            width: 200,
            render: (_, r) => <Progress size="small" percent={r.lineCount ? Math.floor((r.countedCount / r.lineCount) * 100) : 0} format={() => `${r.countedCount}/${r.lineCount}`} />,
          },
          { title: t('pt.createdAt'), key: 'created', width: 180, render: (_, r) => `${dateTime(r.createdAt)} ${r.createdBy}` },
          { title: t('pt.st.decided'), key: 'decided', width: 180, render: (_, r) => (r.decidedAt ? `${dateTime(r.decidedAt)} ${r.decidedBy ?? ''}` : '') },
          { title: t('pt.note'), dataIndex: 'note', ellipsis: true },
        ]}
      />
      {creating && <CreateModal onClose={() => setCreating(false)} />}
    </div>
  )
}
