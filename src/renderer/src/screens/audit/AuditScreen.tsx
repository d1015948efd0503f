import { useCallback, useState } from 'react'
import { Alert, Card, Tabs, Typography } from 'antd'
import { useStore } from 'zustand'
import { useSessionStore, useT } from '../../i18n'
import { navigate, type AuditTab } from '../../router'
import { AuditLogPanel } from '../data-admin/AuditLogPanel'
import { SecurityPanel } from '../data-admin/SecurityPanel'
import type { Notice, Report } from '../data-admin/DataAdminScreen'
import { Forbidden } from '../shell/Forbidden'

/**
 * 审计与安全: the audit log and the login history for everyone who holds `audit.read` — the
 * front-desk supervisor included, who has no 数据管理. The same panels as there; the host checks
 * the permission on every read, this screen only hides what the role cannot open.
 */
export function AuditScreen({ tab }: { tab: AuditTab }) {
  const t = useT()
  const permissions = useStore(useSessionStore(), (s) => s.user?.permissions ?? [])
  const canAudit = permissions.includes('audit.read')
  const canManageUsers = permissions.includes('users.manage')
  const [notice, setNotice] = useState<Notice | null>(null)
  const report: Report = useCallback(
    (failure, okText) => setNotice(failure ? { type: 'error', text: failure.message } : { type: 'success', text: okText }),
    [],
  )
  if (!canAudit) return <Forbidden />

  return (
    <Card size="small" title={t('auditScreen.title')}>
      <Typography.Paragraph type="secondary">{t('auditScreen.intro')}</Typography.Paragraph>
      {notice && notice.text && (
        <Alert type={notice.type} showIcon closable title={notice.text} onClose={() => setNotice(null)} style={{ marginBottom: 8 }} />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate({ name: 'audit', ...(key === 'logins' ? { tab: 'logins' as const } : {}) })}
        items={[
          { key: 'log', label: t('audit.tab'), children: <AuditLogPanel report={report} canListUsers={canManageUsers} /> },
          { key: 'logins', label: t('security.tab'), children: <SecurityPanel report={report} canManage={canManageUsers} canAudit /> },
        ]}
      />
    </Card>
  )
}
