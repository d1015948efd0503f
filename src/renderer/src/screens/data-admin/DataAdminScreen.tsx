import { useCallback, useState } from 'react'
import { Alert, Button, Card, Tabs } from 'antd'
import { useLiveEvent } from '../../api/query-client'
import type { LiveEvent } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { useCan } from '../../permissions'
import type { Failure } from '../../api/failure'
import { useDataAdmin, useDataAdminUi, useDataPermissions } from './data-admin-store'
import { ExportPanel } from './ExportPanel'
import { BackupPanel } from './BackupPanel'
import { JobLog } from './JobLog'
import { DevicesPanel } from './DevicesPanel'
import { SecurityPanel } from './SecurityPanel'
import { AuditLogPanel } from './AuditLogPanel'

export interface Notice {
  type: 'success' | 'error' | 'info'
  text: string
}

/** Shows an action's outcome: its failure message, or `okText`. */
export type Report = (failure: Failure | null, okText: string) => void

/** 数据管理: head-office export, backups and restore, job log. */
export function DataAdminScreen() {
  const t = useT()
  const { export: canExport, backup: canBackup } = useDataPermissions()
  const canManageUsers = useCan('users.manage')
  const canAudit = useCan('audit.read')
  const { loading, error, reload } = useDataAdmin()
  const restoredFrom = useDataAdminUi((s) => s.restoredFrom)
  const [notice, setNotice] = useState<Notice | null>(null)

  // The jobs runner reports its work as live events (batches built, deliveries, backups): the
  // event table re-reads what they change; a restore is also noted here, for everyone to see.
  const onEvent = useCallback((event: LiveEvent) => useDataAdminUi.getState().heard(event), [])
  useLiveEvent(onEvent)

  const report: Report = useCallback(
    (failure, okText) => setNotice(failure ? { type: 'error', text: failure.message } : { type: 'success', text: okText }),
    [],
  )

  const items = [
    ...(canExport ? [{ key: 'export', label: t('data.tab.export'), children: <ExportPanel report={report} /> }] : []),
    ...(canBackup
      ? [
          { key: 'backup', label: t('data.tab.backup'), children: <BackupPanel report={report} /> },
          { key: 'jobs', label: t('data.tab.jobs'), children: <JobLog /> },
        ]
      : []),
    ...(canManageUsers ? [{ key: 'devices', label: t('data.tab.devices'), children: <DevicesPanel report={report} /> }] : []),
    ...(canManageUsers || canAudit
      ? [{ key: 'security', label: t('security.tab'), children: <SecurityPanel report={report} canManage={canManageUsers} canAudit={canAudit} /> }]
      : []),
    ...(canAudit ? [{ key: 'audit', label: t('audit.tab'), children: <AuditLogPanel report={report} canListUsers={canManageUsers} /> }] : []),
  ]

  return (
    <Card
      size="small"
      title={t('data.title')}
      extra={
        <Button loading={loading} onClick={reload}>
          {t('data.refresh')}
        </Button>
      }
    >
      {restoredFrom && <Alert type="warning" showIcon title={t('data.backup.restored', { name: restoredFrom })} style={{ marginBottom: 8 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {notice && (
        <Alert type={notice.type} showIcon closable title={notice.text} onClose={() => setNotice(null)} style={{ marginBottom: 8 }} />
      )}
      <Tabs items={items} />
    </Card>
  )
}
