import { useEffect, useState } from 'react'
import { Alert, Button, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd'
import { useT } from '../../i18n'
import { dateTime } from '../../format'
import { fieldProblems } from '../../api/failure'
import { useApiQuery, useApiWrite } from '../../api/query-client'
import type { Report } from './DataAdminScreen'

interface DeviceRow {
  id: number
  name: string
  createdAt: string
  revokedAt: string | null
}

const NONE: DeviceRow[] = []

/**
 * 工作站: the PCs allowed to reach this host over the LAN. Pairing shows the code once; the new
 * PC's browser (or its terminal set-up) takes it, and revoking shuts that PC out at once.
 */
export function DevicesPanel({ report }: { report: Report }) {
  const t = useT()
  const [form] = Form.useForm()
  const list = useApiQuery('devices.list', {})
  const devices: DeviceRow[] = list.data ?? NONE
  const write = useApiWrite()
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const listFailure = list.error?.failure ?? null

  useEffect(() => {
    if (listFailure) report(listFailure, '')
  }, [listFailure, report])

  // No live event tells of devices: the list is read again after each change made here.
  const load = () => list.refetch()

  async function pair() {
    const { name } = (await form.validateFields()) as { name: string }
    setBusy(true)
    const result = await write('devices.pair', { name })
    setBusy(false)
    if (!result.ok) {
      form.setFields(fieldProblems(result))
      return report(result, '')
    }
    form.resetFields()
    setIssued({ name: result.data.name, token: result.data.token })
    await load()
  }

  function revoke(device: DeviceRow) {
    Modal.confirm({
      title: t('devices.revokeConfirm', { name: device.name }),
      okButtonProps: { danger: true },
      okText: t('devices.revoke'),
      onOk: async () => {
        const result = await write('devices.revoke', { id: device.id })
        report(result.ok ? null : result, t('devices.revokedDone', { name: device.name }))
        await load()
      },
    })
  }

  const columns = [
    { key: 'name', title: t('devices.col.name'), dataIndex: 'name' },
    { key: 'created', title: t('devices.col.created'), render: (_: unknown, d: DeviceRow) => dateTime(d.createdAt) },
    {
      key: 'status',
      title: t('devices.col.status'),
      render: (_: unknown, d: DeviceRow) =>
        d.revokedAt ? <Tag>{t('devices.revoked')}</Tag> : <Tag color="green">{t('devices.active')}</Tag>,
    },
    {
      key: 'actions',
      title: '',
      render: (_: unknown, d: DeviceRow) =>
        d.revokedAt ? null : (
          <Button size="small" danger onClick={() => revoke(d)}>
            {t('devices.revoke')}
          </Button>
        ),
    },
  ]

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary">{t('devices.intro')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={() => void pair()} aria-label={t('devices.pair')}>
        <Form.Item name="name" label={t('devices.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('devices.pair')}
        </Button>
      </Form>
      {issued && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setIssued(null)}
          title={t('devices.codeTitle', { name: issued.name })}
          description={
            <Flex vertical gap={4}>
              <Typography.Text code copyable className="device-pairing-code" aria-label={t('pair.code')}>
                {issued.token}
              </Typography.Text>
              <Typography.Text type="secondary">{t('devices.codeOnce')}</Typography.Text>
            </Flex>
          }
        />
      )}
      <Table size="small" rowKey="id" columns={columns} dataSource={devices} pagination={false} />
    </Flex>
  )
}
