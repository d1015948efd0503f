import { useState } from 'react'
import { Alert, App, Button, Card, Form, Input, Select, Switch, Table } from 'antd'
import { BAY_KINDS, type BayKind } from '../../../../../shared/domain/workshop-resources'
import { useT } from '../../../i18n'
import { applyFailure, summaryOf } from '../../../components/form-errors'
import { useList } from './use-list'
import { useWorkshopWrite } from '../../../stores/workshop-store'

interface Bay {
  id: number
  code: string
  name: string
  kind: BayKind
  active: boolean
}

interface NewBay {
  code: string
  name: string
  kind: BayKind
}

/** 工位: the bays with their kind; a bay out of use is switched off, never deleted (jobs name it). */
export function BaysPanel() {
  const write = useWorkshopWrite()
  const t = useT()
  const { message } = App.useApp()
  const { rows, error } = useList('workshop.bays', {})
  const [form] = Form.useForm<NewBay>()
  const [formError, setFormError] = useState<string | null>(null)

  const update = async (bay: Bay, patch: Partial<Bay>) => {
    const next = { ...bay, ...patch }
    const result = await write('workshop.saveBay', { id: bay.id, code: next.code, name: next.name, kind: next.kind, active: next.active })
    if (result.ok) void message.success(t('wk.settings.saved', { name: bay.code }))
    else void message.error(result.message)
  }

  const add = async (values: NewBay) => {
    setFormError(null)
    const result = await write('workshop.saveBay', { ...values, active: true })
    if (!result.ok) return setFormError(summaryOf(applyFailure(form, result), result))
    form.resetFields()
    void message.success(t('wk.settings.saved', { name: result.data.code }))
  }

  return (
    <Card size="small" title={t('wk.settings.bays')}>
      {error && <Alert type="error" showIcon title={error} />}
      <Form<NewBay> form={form} layout="inline" className="ws-bay-form" aria-label={t('wk.settings.addBay')} onFinish={(v) => void add(v)} initialValues={{ kind: 'lift' }}>
        <Form.Item name="code" label={t('field.code')} rules={[{ required: true, message: t('form.required') }]}>
          <Input size="small" maxLength={20} className="ws-input-code" />
        </Form.Item>
        <Form.Item name="name" label={t('field.name')} rules={[{ required: true, message: t('form.required') }]}>
          <Input size="small" maxLength={40} />
        </Form.Item>
        <Form.Item name="kind" label={t('wk.settings.kind')}>
          <Select size="small" className="ws-filter" options={BAY_KINDS.map((k) => ({ value: k, label: t(`bayKind.${k}`) }))} />
        </Form.Item>
        <Button size="small" type="primary" htmlType="submit">
          {t('wk.settings.addBay')}
        </Button>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
      <Table<Bay>
        size="small"
        rowKey="id"
        pagination={false}
        loading={!rows}
        dataSource={rows ?? []}
        aria-label={t('wk.settings.bays')}
        locale={{ emptyText: t('wk.settings.noBays') }}
        columns={[
          { title: t('field.code'), dataIndex: 'code', width: 90, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('field.name'), dataIndex: 'name' },
          {
            title: t('wk.settings.kind'),
            width: 160,
            render: (_, r) => (
              <Select<BayKind>
                size="small"
                className="full-width"
                aria-label={t('wk.settings.kindOf', { code: r.code })}
                value={r.kind}
                onChange={(kind) => void update(r, { kind })}
                options={BAY_KINDS.map((k) => ({ value: k, label: t(`bayKind.${k}`) }))}
              />
            ),
          },
          {
            title: t('field.active'),
            width: 80,
            render: (_, r) => (
              <Switch size="small" checked={r.active} aria-label={t('wk.settings.activeOf', { code: r.code })} onChange={(active) => void update(r, { active })} />
            ),
          },
        ]}
      />
    </Card>
  )
}
