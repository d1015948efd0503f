import { useState } from 'react'
import { Alert, App, Button, Segmented, Select, Space, Table, Tag, Typography } from 'antd'
import { ROLES, type Role } from '../../../../shared/domain/roles'
import { useLocale, useT } from '../../i18n'
import { seesEveryInbox, useCanCheck, useRole } from '../../permissions'
import { dateOnly, dateTime } from '../../format'
import { hrefOf, navigate } from '../../router'
import { rowHotkeys } from '../../hotkeys'
import { type AlertT, type InboxFilter, type InboxState, useAlertAct, useInbox, useInboxFilter } from '../../stores/alerts-store'
import { alertMessage, groupByRule, rowKeyOf, SEVERITY_COLOUR, subjectRoute, type InboxRow } from './alert-model'
import { AlertDialog } from './AlertDialogs'

const STATES: InboxState[] = ['active', 'acknowledged', 'snoozed', 'resolved', 'all']

/** The inbox of the person's role (a manager sees every inbox and may pick one). Keys on a row: A, S, R, Enter. */
export function InboxView() {
  const t = useT()
  const locale = useLocale()
  const { message } = App.useApp()
  const act = useAlertAct()
  const can = useCanCheck()
  const seesAll = seesEveryInbox(useRole())
  // The filter outlives a logout: another person's choice of inbox must not carry over.
  const kept = useInboxFilter((s) => s.filter)
  const filter: InboxFilter = seesAll ? kept : { state: kept.state }
  const { inbox, error } = useInbox(filter)
  const [dialog, setDialog] = useState<{ alert: AlertT; kind: 'snooze' | 'resolve' } | null>(null)

  const acknowledge = async (a: AlertT) => {
    const result = await act('alerts.acknowledge', { id: a.id, version: a.version })
    if (result.ok) void message.success(t('inbox.acknowledged'))
    else void message.error(result.message)
  }
  const open = (a: AlertT) => {
    const route = subjectRoute(a, can)
    if (route) navigate(route)
  }
  const actionable = (a: InboxRow) => a.state !== 'resolved' && !a.groupCount
  const rows = groupByRule(inbox ?? [])

  return (
    <div className="inbox">
      <div className="stl-toolbar">
        <Segmented<InboxState>
          size="small"
          value={filter.state}
          onChange={(state) => useInboxFilter.getState().setFilter({ ...filter, state })}
          options={STATES.map((s) => ({ value: s, label: t(`inbox.state.${s}`) }))}
        />
        {seesAll && (
          <Select<Role | 'all'>
            size="small"
            className="inbox-role"
            aria-label={t('field.inboxRole')}
            value={filter.role ?? 'all'}
            onChange={(v) => useInboxFilter.getState().setFilter({ ...filter, role: v === 'all' ? undefined : v })}
            options={[{ value: 'all', label: t('inbox.allInboxes') }, ...ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
          />
        )}
        <Typography.Text type="secondary" className="stl-keys">
          {t('inbox.keys')}
        </Typography.Text>
        <span className="stl-total">{t('inbox.count', { n: inbox?.length ?? 0 })}</span>
      </div>
      {error && <Alert type="error" showIcon title={error} className="stl-gap" />}
      <Table<InboxRow>
        size="small"
        rowKey={rowKeyOf}
        loading={inbox === null && !error}
        dataSource={rows}
        expandable={{ indentSize: 12 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        aria-label={t('inbox.title')}
        locale={{ emptyText: t(filter.state === 'active' ? 'inbox.emptyActive' : 'inbox.empty') }}
        rowClassName={(a) => `inbox-row inbox-${a.severity}${a.state === 'resolved' ? ' stl-void' : ''}${a.groupCount ? ' inbox-group' : ''}`}
        onRow={(a) => ({
          tabIndex: 0,
          'aria-label': a.groupCount
            ? t('inbox.groupLabel', { rule: `ruleKind.${a.ruleKind}`, n: a.groupCount })
            : `${t(`ruleKind.${a.ruleKind}`)} ${a.subjectLabel ?? ''}`.trim(),
          onKeyDown: actionable(a)
            ? rowHotkeys({
                Enter: () => open(a),
                ...(a.state === 'open' ? { A: () => void acknowledge(a) } : {}),
                S: () => setDialog({ alert: a, kind: 'snooze' }),
                R: () => setDialog({ alert: a, kind: 'resolve' }),
              })
            : undefined,
        })}
        columns={[
          {
            title: t('field.severity'),
            dataIndex: 'severity',
            width: 70,
            render: (s: AlertT['severity']) => <Tag color={SEVERITY_COLOUR[s]}>{t(`severity.${s}`)}</Tag>,
          },
          {
            title: t('field.ruleKind'),
            dataIndex: 'ruleKind',
            width: 190,
            render: (k: AlertT['ruleKind'], a) => (
              <span>
                {t(`ruleKind.${k}`)}
                {a.groupCount && <Tag color="blue" className="stl-tag inbox-group-count">{t('inbox.count', { n: a.groupCount })}</Tag>}
                {!a.groupCount && a.stage === 'warning' && <Tag className="stl-tag">{t('alertStage.warning')}</Tag>}
              </span>
            ),
          },
          {
            title: t('inbox.subject'),
            key: 'subject',
            width: 150,
            render: (_: unknown, a) => {
              if (a.groupCount) return <span className="stl-hint">{t('inbox.groupSubjects', { n: a.groupCount })}</span>
              const label = a.subjectLabel ?? t(`subjectType.${a.subjectType}`)
              const route = subjectRoute(a, can)
              return route ? (
                <a href={hrefOf(route)} className="mono">
                  {label}
                </a>
              ) : (
                <span className="mono">{label}</span>
              )
            },
          },
          { title: t('inbox.why'), key: 'message', render: (_: unknown, a) => (
              <span className="inbox-message">{a.groupCount ? t('inbox.groupWhy', { message: alertMessage(a, locale) }) : alertMessage(a, locale)}</span>
            ),
          },
          ...(seesAll ? [{ title: t('field.inboxRole'), dataIndex: 'inboxRole', width: 100, render: (r: Role) => t(`role.${r}`) }] : []),
          { title: t('inbox.raisedAt'), dataIndex: 'firstRaisedAt', width: 130, render: (v: string) => dateTime(v) },
          {
            title: t('field.status'),
            key: 'state',
            width: 210,
            render: (_: unknown, a) =>
              !a.groupCount && (
              <span>
                <Tag color={a.state === 'open' ? 'red' : a.state === 'resolved' ? 'green' : 'default'}>{t(`alertState.${a.state}`)}</Tag>
                <div className="stl-hint">
                  {a.state === 'snoozed' && t('inbox.snoozedUntil', { date: dateOnly(a.snoozedUntil) })}
                  {a.acknowledgedBy && a.state !== 'open' && <div>{t('inbox.ackBy', { name: a.acknowledgedBy, at: dateTime(a.acknowledgedAt) })}</div>}
                  {a.state === 'resolved' && (a.resolvedBy ? t('inbox.by', { name: a.resolvedBy, at: dateTime(a.resolvedAt) }) : t('inbox.cleared', { at: dateTime(a.resolvedAt) }))}
                  {a.note && <div>{a.note}</div>}
                </div>
              </span>
            ),
          },
          {
            key: 'actions',
            width: 160,
            render: (_: unknown, a) =>
              actionable(a) && (
                <Space size={2}>
                  {a.state === 'open' && (
                    <Button size="small" type="link" onClick={() => void acknowledge(a)}>
                      {t('inbox.acknowledge')}
                    </Button>
                  )}
                  <Button size="small" type="link" onClick={() => setDialog({ alert: a, kind: 'snooze' })}>
                    {t('inbox.snooze')}
                  </Button>
                  <Button size="small" type="link" onClick={() => setDialog({ alert: a, kind: 'resolve' })}>
                    {t('inbox.resolve')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {dialog && <AlertDialog alert={dialog.alert} kind={dialog.kind} onClose={() => setDialog(null)} />}
    </div>
  )
}
