import { useEffect, useState } from 'react'
import { Alert, Button, Descriptions, Flex, Form, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd'
import { useT } from '../../i18n'
import { dateTime } from '../../format'
import { fieldProblems } from '../../api/failure'
import { useDataAdmin, useDataAdminWrites, type BackupT } from './data-admin-store'
import type { Report } from './DataAdminScreen'
import { fileSize } from '../../../../shared/format/numbers'

export function BackupPanel({ report }: { report: Report }) {
  const t = useT()
  const { backups, backupSettings: settings, lastBackupAt } = useDataAdmin()
  const writes = useDataAdminWrites()
  const [form] = Form.useForm()
  const [restoring, setRestoring] = useState<BackupT | null>(null)

  useEffect(() => {
    if (settings) form.setFieldsValue({ ...settings, secondDir: settings.secondDir ?? '' })
  }, [settings, form])

  async function save() {
    const v = (await form.validateFields()) as { intervalMinutes: number; keepRecent: number; keepDaily: number; keepMonthly: number; secondDir: string }
    const failure = await writes.saveBackupSettings({ ...v, secondDir: v.secondDir.trim() || null })
    if (failure) form.setFields(fieldProblems(failure))
    report(failure, t('data.saved'))
  }

  const columns = [
    { key: 'name', title: t('data.backup.col.name'), render: (_: unknown, b: BackupT) => <Typography.Text code>{b.name}</Typography.Text> },
    { key: 'created', title: t('data.backup.col.created'), render: (_: unknown, b: BackupT) => dateTime(b.createdAt) },
    { key: 'reason', title: t('data.backup.col.reason'), render: (_: unknown, b: BackupT) => t(`data.backup.reason.${b.reason}`) },
    { key: 'size', title: t('data.backup.col.size'), align: 'right' as const, render: (_: unknown, b: BackupT) => fileSize(b.bytes) },
    { key: 'location', title: t('data.backup.col.location'), render: (_: unknown, b: BackupT) => t(`data.backup.location.${b.location}`) },
    {
      key: 'check',
      title: t('data.backup.col.check'),
      render: (_: unknown, b: BackupT) => <Tag color={b.check === 'ok' ? 'green' : 'red'}>{b.check}</Tag>,
    },
    {
      key: 'actions',
      title: '',
      render: (_: unknown, b: BackupT) => (
        <Button size="small" danger onClick={() => setRestoring(b)}>
          {t('data.backup.restore')}
        </Button>
      ),
    },
  ]

  return (
    <Flex vertical gap={12}>
      <Descriptions
        size="small"
        bordered
        title={t('data.backup.status')}
        extra={
          <Button type="primary" onClick={async () => report(await writes.runBackup(), t('data.accepted'))}>
            {t('data.backup.runNow')}
          </Button>
        }
        items={[{ key: 'last', label: t('data.backup.last'), children: lastBackupAt ? dateTime(lastBackupAt) : t('data.backup.never') }]}
      />
      {settings && !settings.secondDir && <Alert type="warning" showIcon title={t('data.backup.noSecond')} />}
      <div>
        <Typography.Title level={5}>{t('data.backup.settings')}</Typography.Title>
        <Form form={form} layout="inline">
          <Form.Item name="intervalMinutes" label={t('field.intervalMinutes')}>
            <InputNumber min={5} max={1440} />
          </Form.Item>
          <Form.Item name="keepRecent" label={t('field.keepRecent')}>
            <InputNumber min={1} max={500} />
          </Form.Item>
          <Form.Item name="keepDaily" label={t('field.keepDaily')}>
            <InputNumber min={0} max={366} />
          </Form.Item>
          <Form.Item name="keepMonthly" label={t('field.keepMonthly')}>
            <InputNumber min={0} max={120} />
          </Form.Item>
          <Form.Item name="secondDir" label={t('field.secondDir')}>
            <Input style={{ width: 280 }} placeholder="E:\\dealer-backups" />
          </Form.Item>
          <Button type="primary" onClick={() => void save()}>
            {t('data.save')}
          </Button>
        </Form>
      </div>
      <div>
        <Typography.Title level={5}>{t('data.backup.list')}</Typography.Title>
        <Table size="small" rowKey={(b) => `${b.location}/${b.name}`} columns={columns} dataSource={backups} pagination={{ pageSize: 15 }} />
      </div>
      {restoring && (
        <Modal
          open
          title={t('data.backup.restoreConfirmTitle')}
          okText={t('data.backup.restore')}
          okButtonProps={{ danger: true }}
          cancelText={t('data.cancel')}
          onCancel={() => setRestoring(null)}
          onOk={async () => {
            const failure = await writes.restore(restoring)
            setRestoring(null)
            report(failure, t('data.accepted'))
          }}
        >
          {t('data.backup.restoreConfirm', { name: restoring.name })}
        </Modal>
      )}
    </Flex>
  )
}
