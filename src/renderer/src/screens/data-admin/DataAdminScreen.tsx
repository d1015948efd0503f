import { useCallback, useEffect, useMemo, useState } from 'react'
import { Alert, Button, Card, Tabs } from 'antd'
import { useStore } from 'zustand'
import { useApi, useLiveEvent } from '../../api/query-client'
import type { LiveEvent } from '../../../../shared/contract'
import { useSessionStore, useT } from '../../i18n'
import type { Failure } from '../../api/failure'
import { createDataAdminStore } from './data-admin-store'
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
  const api = useApi()
  const permissions = useStore(useSessionStore(), (s) => s.user?.permissions ?? [])
  const canExport = permissions.includes('data.export')
  const canBackup = permissions.includes('data.backup')
  const canManageUsers = permissions.includes('users.manage')
  const canAudit = permissions.includes('audit.read')
  const store = useMemo(() => createDataAdminStore(api, { export: canExport, backup: canBackup }), [api, canExport, canBackup])
  const loading = useStore(store, (s) => s.loading)
  const error = useStore(store, (s) => s.error)
  const restoredFrom = useStore(store, (s) => s.restoredFrom)
  const [notice, setNotice] = useState<Notice | null>(null)

  useEffect(() => {
    void store.getState().load()
  }, [store])
  // The jobs runner reports its work as live events (batches built, deliveries, backups), heard
  // through the window's one subscription.
  const onEvent = useCallback((event: LiveEvent) => store.getState().changed(event.type, event.id), [store])
  useLiveEvent(onEvent)

  const report: Report = useCallback(
    (failure, okText) => setNotice(failure ? { type: 'error', text: failure.message } : { type: 'success', text: okText }),
    [],
  )

  const items = [
    ...(canExport ? [{ key: 'export', label: t('data.tab.export'), children: <ExportPanel store={store} report={report} /> }] : []),
    ...(canBackup
      ? [
          { key: 'backup', label: t('data.tab.backup'), children: <BackupPanel store={store} report={report} /> },
          { key: 'jobs', label: t('data.tab.jobs'), children: <JobLog store={store} /> },
        ]
      : []),
    ...(canManageUsers ? [{ key: 'devices', label: t('data.tab.devices'), children: <DevicesPanel api={api} report={report} /> }] : []),
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
        <Button loading={loading} onClick={() => void store.getState().load()}>
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
