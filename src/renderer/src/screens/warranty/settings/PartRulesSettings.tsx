import { useState } from 'react'
import { Button, Form, Input, InputNumber, Popconfirm, Space, Table } from 'antd'
import type { OutputOf } from '../../../../../shared/contract/types'
import type { Contract } from '../../../../../shared/contract'
import { PART_RULE_DAYS } from '../../../../../shared/domain/warranty-parts'
import { useApiMutation, useApiQuery } from '../../../api/query-client'
import { useT } from '../../../i18n'
import { useCan } from '../../../permissions'

type PartRules = OutputOf<Contract['warranty.partRules']>
type PartRow = PartRules['rules'][number]

/** 旧件规则: return and retention days per make; '' is the default for every make without its own. */
export function PartRulesSettings() {
  const t = useT()
  const query = useApiQuery('warranty.partRules', {})
  const canEdit = useCan('warranty.configure')
  const data = query.data
  return (
    <section className="wty-rules" aria-label={t('wty.rules.partTitle')}>
      <h3>{t('wty.rules.partTitle')}</h3>
      <p className="wty-muted">{t('wty.rules.partHint')}</p>
      <Table<PartRow>
        size="small"
        rowKey="make"
        aria-label={t('wty.rules.partTitle')}
        loading={query.isLoading}
        dataSource={data?.rules ?? []}
        pagination={false}
        columns={[
          { title: t('wty.rules.col.make'), dataIndex: 'make', width: 180, render: (make: string) => (make === '' ? <strong>{t('wty.rules.defaultMake')}</strong> : make) },
          { title: t('wty.rules.col.returnDays'), key: 'edit', render: (_, r) => (data ? <PartRuleEditor key={`${r.make}:${r.version}`} row={r} defaults={data.defaults} canEdit={canEdit} /> : null) },
        ]}
      />
      {canEdit && data && <AddMake existing={data.rules.map((r) => r.make)} defaults={data.defaults} />}
    </section>
  )
}

function PartRuleEditor({ row, defaults, canEdit }: { row: PartRow; defaults: PartRules['defaults']; canEdit: boolean }) {
  const t = useT()
  const [returnDays, setReturnDays] = useState(row.returnDays)
  const [retainDays, setRetainDays] = useState(row.retainDays)
  const save = useApiMutation('warranty.partRules.save')
  const remove = useApiMutation('warranty.partRules.delete')
  const name = row.make === '' ? t('wty.rules.defaultMake') : row.make
  const changed = returnDays !== row.returnDays || retainDays !== row.retainDays
  const atDefault = row.returnDays === defaults.returnDays && row.retainDays === defaults.retainDays
  return (
    <Space size={6} wrap>
      <label className="wty-rules-days">
        {t('wty.rules.col.returnDays')}
        <InputNumber size="small" min={PART_RULE_DAYS.min} max={PART_RULE_DAYS.max} precision={0} value={returnDays} disabled={!canEdit} aria-label={`${name} ${t('wty.rules.col.returnDays')}`} onChange={(v) => setReturnDays(v ?? row.returnDays)} />
      </label>
      <label className="wty-rules-days">
        {t('wty.rules.col.retainDays')}
        <InputNumber size="small" min={PART_RULE_DAYS.min} max={PART_RULE_DAYS.max} precision={0} value={retainDays} disabled={!canEdit} aria-label={`${name} ${t('wty.rules.col.retainDays')}`} onChange={(v) => setRetainDays(v ?? row.retainDays)} />
      </label>
      {canEdit && (
        <>
          <Button size="small" type="primary" disabled={!changed} loading={save.isPending} aria-label={`${name} ${t('wty.rules.save')}`} onClick={() => save.mutate({ make: row.make, returnDays, retainDays, version: row.version })}>
            {t('wty.rules.save')}
          </Button>
          {row.make === '' ? (
            <Button size="small" disabled={atDefault} aria-label={`${name} ${t('wty.rules.reset')}`} onClick={() => save.mutate({ make: '', ...defaults, version: row.version })}>
              {t('wty.rules.reset')}
            </Button>
          ) : (
            <Popconfirm title={t('wty.rules.remove')} onConfirm={() => remove.mutate({ make: row.make, version: row.version })}>
              <Button size="small" danger aria-label={`${name} ${t('wty.rules.remove')}`}>
                {t('wty.rules.remove')}
              </Button>
            </Popconfirm>
          )}
        </>
      )}
    </Space>
  )
}

function AddMake({ existing, defaults }: { existing: readonly string[]; defaults: PartRules['defaults'] }) {
  const t = useT()
  const [form] = Form.useForm<{ make: string; returnDays: number; retainDays: number }>()
  const save = useApiMutation('warranty.partRules.save', { form, onSuccess: () => form.resetFields() })
  return (
    <Form
      form={form}
      layout="inline"
      size="small"
      className="wty-rules-add"
      aria-label={t('wty.rules.addMake')}
      initialValues={defaults}
      onFinish={(v) => save.mutate({ make: v.make.trim(), returnDays: v.returnDays, retainDays: v.retainDays, version: 0 })}
    >
      <Form.Item
        name="make"
        label={t('wty.rules.newMake')}
        rules={[
          { required: true, whitespace: true, message: t('wty.rules.makeRequired') },
          { validator: (_, v: string | undefined) => (v && existing.includes(v.trim()) ? Promise.reject(new Error(t('wty.rules.makeExists'))) : Promise.resolve()) },
        ]}
      >
        <Input maxLength={40} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="returnDays" label={t('wty.rules.col.returnDays')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber min={PART_RULE_DAYS.min} max={PART_RULE_DAYS.max} precision={0} />
      </Form.Item>
      <Form.Item name="retainDays" label={t('wty.rules.col.retainDays')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber min={PART_RULE_DAYS.min} max={PART_RULE_DAYS.max} precision={0} />
      </Form.Item>
      <Button htmlType="submit" type="primary" loading={save.isPending}>
        {t('wty.rules.add')}
      </Button>
    </Form>
  )
}
