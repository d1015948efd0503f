import { useEffect, useState } from 'react'
import { Button, Checkbox, Flex, Form, Input, Modal, Radio, Switch, Table, Typography } from 'antd'
import { PERSONAL_DATA_MODES, type TargetConfigIn } from '../../../../shared/contract/data'
import { useT } from '../../i18n'
import { fieldProblems } from '../../api/failure'
import { useDataAdmin, useDataAdminWrites, type ExportStatusT } from './data-admin-store'
import type { Report } from './DataAdminScreen'

type TargetOutT = ExportStatusT['settings']['targets'][number]
type Draft = TargetConfigIn & { hasToken?: boolean; tokenHint?: string | null }

/** The stored targets as editable drafts; secrets stay on the host (sent again only if typed). */
function draftOf(t: TargetOutT): Draft {
  return t.kind === 'folder'
    ? { id: t.id, kind: 'folder', label: t.label, path: t.where }
    : { id: t.id, kind: 'https', label: t.label, url: t.where, allowHttp: t.allowHttp, hasToken: t.hasToken, tokenHint: t.tokenHint ?? null }
}

function toInput({ hasToken: _hasToken, tokenHint: _tokenHint, ...d }: Draft): TargetConfigIn {
  return d
}

export function ExportSettingsForm({ report }: { report: Report }) {
  const t = useT()
  const settings = useDataAdmin().exportStatus?.settings
  const writes = useDataAdminWrites()
  const [form] = Form.useForm()
  const [targets, setTargets] = useState<Draft[]>([])
  const [editing, setEditing] = useState<Draft | null>(null)

  useEffect(() => {
    if (!settings) return
    form.setFieldsValue({ enabled: settings.enabled, timeOfDay: settings.timeOfDay, personalData: settings.personalData })
    setTargets(settings.targets.map(draftOf))
  }, [settings, form])

  async function save() {
    const values = (await form.validateFields()) as { enabled: boolean; timeOfDay: string; personalData: (typeof PERSONAL_DATA_MODES)[number] }
    const failure = await writes.saveExportSettings({ ...values, targets: targets.map(toInput) })
    if (failure) form.setFields(fieldProblems(failure))
    report(failure, t('data.saved'))
  }

  const columns = [
    { key: 'id', title: t('field.targetId'), dataIndex: 'id' },
    { key: 'label', title: t('data.export.label'), dataIndex: 'label' },
    { key: 'kind', title: t('data.export.kind'), render: (_: unknown, d: Draft) => t(d.kind === 'folder' ? 'data.export.kind.folder' : 'data.export.kind.https') },
    { key: 'where', title: t('data.export.where'), render: (_: unknown, d: Draft) => (d.kind === 'folder' ? d.path : d.url) },
    {
      key: 'actions',
      title: '',
      render: (_: unknown, d: Draft) => (
        <Flex gap={4}>
          <Button size="small" onClick={() => setEditing(d)}>
            {t('data.export.edit')}
          </Button>
          <Button size="small" danger onClick={() => setTargets(targets.filter((x) => x.id !== d.id))}>
            {t('data.export.remove')}
          </Button>
        </Flex>
      ),
    },
  ]

  return (
    <div>
      <Typography.Title level={5}>{t('data.export.settings')}</Typography.Title>
      <Form form={form} layout="vertical" style={{ maxWidth: 720 }}>
        <Form.Item name="enabled" label={t('data.export.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="timeOfDay" label={t('field.timeOfDay')} extra={t('data.export.timeHint')} rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('data.field.timeFormat') }]}>
          <Input style={{ width: 100 }} placeholder="21:30" />
        </Form.Item>
        <Form.Item name="personalData" label={t('field.personalData')}>
          <Radio.Group>
            <Flex vertical>
              {PERSONAL_DATA_MODES.map((mode) => (
                <Radio key={mode} value={mode}>
                  {t(`data.export.pd.${mode}`)}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('data.export.targets')}>
          <Table size="small" rowKey="id" pagination={false} columns={columns} dataSource={targets} />
          <Flex gap={8} style={{ marginTop: 8 }}>
            <Button onClick={() => setEditing({ id: '', kind: 'folder', label: '', path: '' })}>{t('data.export.addFolder')}</Button>
            <Button onClick={() => setEditing({ id: '', kind: 'https', label: '', url: 'https://', allowHttp: false })}>
              {t('data.export.addHttps')}
            </Button>
          </Flex>
        </Form.Item>
        <Button type="primary" onClick={() => void save()}>
          {t('data.save')}
        </Button>
      </Form>
      {editing && (
        <TargetModal
          draft={editing}
          onCancel={() => setEditing(null)}
          onOk={(d) => {
            setTargets([...targets.filter((x) => x.id !== editing.id && x.id !== d.id), d])
            setEditing(null)
          }}
        />
      )}
    </div>
  )
}

function TargetModal({ draft, onOk, onCancel }: { draft: Draft; onOk: (d: Draft) => void; onCancel: () => void }) {
  const t = useT()
  const [form] = Form.useForm()
  const https = draft.kind === 'https'
  return (
    <Modal
      open
      title={t(https ? 'data.export.addHttps' : 'data.export.addFolder')}
      okText={t('data.save')}
      cancelText={t('data.cancel')}
      onCancel={onCancel}
      onOk={async () => {
        const v = (await form.validateFields()) as Record<string, string | boolean | undefined>
        const common = { id: String(v.id), label: String(v.label ?? '') }
        if (!https) return onOk({ ...common, kind: 'folder', path: String(v.path) })
        onOk({
          ...common,
          kind: 'https',
          url: String(v.url),
          allowHttp: Boolean(v.allowHttp),
          ...(v.token ? { token: String(v.token) } : {}),
          ...(typeof v.caPem === 'string' && v.caPem.trim() ? { caPem: v.caPem } : {}),
          ...(draft.hasToken ? { hasToken: true, tokenHint: draft.tokenHint ?? null } : {}),
        })
      }}
    >
      <Form form={form} layout="vertical" initialValues={draft}>
        <Form.Item name="id" label={t('field.targetId')} rules={[{ required: true, pattern: /^[a-z0-9-]{1,32}$/, message: t('data.field.targetIdFormat') }]}>
          <Input disabled={draft.id !== ''} />
        </Form.Item>
        <Form.Item name="label" label={t('data.export.label')}>
          <Input />
        </Form.Item>
        {https ? (
          <>
            <Form.Item name="url" label={t('data.export.url')} rules={[{ required: true, type: 'url', message: t('data.field.urlFormat') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="token" label={t('data.export.token')} extra={draft.hasToken ? (draft.tokenHint ? t('security.tokenKept', { hint: draft.tokenHint }) : t('data.export.tokenKept')) : undefined}>
              <Input.Password autoComplete="off" />
            </Form.Item>
            <Form.Item name="caPem" label={t('data.export.caPem')}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="allowHttp" valuePropName="checked">
              <Checkbox>{t('data.export.allowHttp')}</Checkbox>
            </Form.Item>
          </>
        ) : (
          <Form.Item name="path" label={t('data.export.path')} rules={[{ required: true }]}>
            <Input placeholder="\\\\head-office\\batches" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
