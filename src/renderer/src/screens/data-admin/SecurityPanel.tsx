import { useCallback, useEffect, useState } from 'react'
import { Button, Empty, Select, Table, Tag, Typography } from 'antd'
import type { Contract } from '../../../../shared/contract'
import type { OutputOf } from '../../../../shared/contract/types'
import { useApi } from '../../api/query-client'
import { useT } from '../../i18n'
import { dateTime } from '../../format'
import type { Report } from './DataAdminScreen'

type Lockout = OutputOf<Contract['auth.lockouts']>[number]
type LoginEvent = OutputOf<Contract['audit.logins']>[number]
type Outcome = LoginEvent['outcome']

const OUTCOME_COLOUR: Record<Outcome, string> = { success: 'green', failure: 'orange', lockout: 'red', unlock: 'blue' }

/** 登录与锁定: who is locked out now (with an unlock), and the login history. */
export function SecurityPanel({ report, canManage, canAudit }: { report: Report; canManage: boolean; canAudit: boolean }) {
  const t = useT()
  const api = useApi()
  const [lockouts, setLockouts] = useState<Lockout[]>([])
  const [history, setHistory] = useState<LoginEvent[]>([])
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined)

  const load = useCallback(async () => {
    if (canManage) {
      const l = await api.call('auth.lockouts', {})
      if (l.ok) setLockouts(l.data)
    }
    if (canAudit) {
      const h = await api.call('audit.logins', { ...(outcome ? { outcome } : {}), limit: 200 })
      if (h.ok) setHistory(h.data)
    }
  }, [api, canAudit, canManage, outcome])

  useEffect(() => {
    void load()
  }, [load])

  const unlock = async (l: Lockout) => {
    const result = await api.call('auth.unlock', { scope: l.scope, key: l.key })
    report(result.ok ? null : result, t('security.unlocked', { key: l.key }))
    void load()
  }

  const lockColumns = [
    { key: 'scope', title: t('security.col.scope'), render: (_: unknown, l: Lockout) => t(l.scope === 'user' ? 'security.scope.user' : 'security.scope.address') },
    { key: 'key', title: t('security.col.key'), dataIndex: 'key' },
    { key: 'failures', title: t('security.col.failures'), dataIndex: 'failures' },
    { key: 'until', title: t('security.col.until'), render: (_: unknown, l: Lockout) => dateTime(l.lockedUntil) },
    {
      key: 'unlock',
      title: '',
      render: (_: unknown, l: Lockout) => (
        <Button size="small" onClick={() => void unlock(l)}>
          {t('security.unlock')}
        </Button>
      ),
    },
  ]
  const historyColumns = [
    { key: 'at', title: t('audit.col.at'), render: (_: unknown, e: LoginEvent) => dateTime(e.at) },
    { key: 'username', title: t('security.col.username'), render: (_: unknown, e: LoginEvent) => (e.userName ? `${e.userName}（${e.username}）` : e.username || '—') },
    { key: 'outcome', title: t('security.col.outcome'), render: (_: unknown, e: LoginEvent) => <Tag color={OUTCOME_COLOUR[e.outcome]}>{t(`security.outcome.${e.outcome}`)}</Tag> },
    { key: 'from', title: t('security.col.from'), render: (_: unknown, e: LoginEvent) => (e.device ? `${e.device}（${e.address}）` : e.address === 'local' ? t('security.localPc') : e.address) },
    { key: 'note', title: t('security.col.note'), render: (_: unknown, e: LoginEvent) => (e.lockedUntil ? t('security.lockedUntil', { until: dateTime(e.lockedUntil) }) : (e.byUserName ?? '')) },
  ]

  return (
    <div className="security-panel">
      {canManage && (
        <>
          <Typography.Title level={5}>{t('security.lockouts')}</Typography.Title>
          {lockouts.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('security.noLockouts')} />
          ) : (
            <Table size="small" rowKey={(l) => `${l.scope}:${l.key}`} columns={lockColumns} dataSource={lockouts} pagination={false} />
          )}
        </>
      )}
      {canAudit && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('security.history')}
          </Typography.Title>
          <Select
            allowClear
            placeholder={t('security.col.outcome')}
            style={{ width: 160, marginBottom: 8 }}
            value={outcome}
            onChange={(v: Outcome | undefined) => setOutcome(v)}
            options={(['success', 'failure', 'lockout', 'unlock'] as const).map((o) => ({ value: o, label: t(`security.outcome.${o}`) }))}
          />
          <Table size="small" rowKey="id" columns={historyColumns} dataSource={history} pagination={{ pageSize: 20 }} />
        </>
      )}
    </div>
  )
}
