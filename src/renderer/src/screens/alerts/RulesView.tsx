import { useState } from 'react'
import { Alert, App, Button, Table, Tag, Typography } from 'antd'
import type { Role } from '../../../../shared/domain/roles'
import type { MessageKey } from '../../../../shared/i18n'
import { useT, type T } from '../../i18n'
import { dateTime } from '../../format'
import { useApiWrite } from '../../api/query-client'
import { type RuleT, useRules } from '../../stores/alerts-store'
import { useCan } from '../../permissions'
import { SEVERITY_COLOUR } from './alert-model'
import { isRoTypes, paramFields, toShown } from './rule-params'
import { RuleEditor } from './RuleEditor'

/** "倍数 1.5 ×, 平均月数 3 个月": a rule's parameters as a manager reads them. */
export function paramsText(rule: RuleT, t: T): string {
  return paramFields(rule.kind)
    .map((f) => {
      const label = t(`field.${f.name}` as MessageKey)
      const value = rule.params[f.name]
      if (f.kind === 'roTypes') return `${label} ${(isRoTypes(value) ? value : f.defaultValue).map((r) => t(`roType.${r}`)).join(t('ruleEd.listSep'))}`
      const n = typeof value === 'number' ? value : f.defaultValue
      return `${label} ${toShown(n, f.unit)} ${t(`ruleEd.unit.${f.unit}`)}`
    })
    .join(t('ruleEd.paramSep'))
}

/** The rules behind the inbox: what each checks, with which figures, for whom; managers edit them. */
export function RulesView() {
  const t = useT()
  const write = useApiWrite()
  const { message } = App.useApp()
  const { rules, error } = useRules()
  const canManage = useCan('rules.manage')
  const [editing, setEditing] = useState<RuleT | null>(null)
  const [sweeping, setSweeping] = useState(false)

  const sweep = async () => {
    setSweeping(true)
    const result = await write('rules.sweep', {})
    setSweeping(false)
    if (result.ok) void message.success(t('rules.jobs.msg.sweep', result.data))
    else void message.error(result.message)
  }
  const edit = (rule: RuleT) => canManage && setEditing(rule)

  return (
    <div className="rules">
      <div className="stl-toolbar">
        <Typography.Text type="secondary">{t(canManage ? 'ruleEd.hintManage' : 'ruleEd.hintRead')}</Typography.Text>
        {canManage && (
          <Button size="small" className="stl-total" onClick={() => void sweep()} loading={sweeping}>
            {t('ruleEd.sweep')}
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error} className="stl-gap" />}
      <Table<RuleT>
        size="small"
        rowKey="id"
        loading={rules === null && !error}
        dataSource={rules ?? []}
        pagination={false}
        aria-label={t('ruleEd.list')}
        onRow={(rule) => ({
          tabIndex: 0,
          'aria-label': t(`ruleKind.${rule.kind}`),
          className: canManage ? 'clickable' : undefined,
          onDoubleClick: () => edit(rule),
          onKeyDown: (e) => e.key === 'Enter' && edit(rule),
        })}
        columns={[
          {
            title: t('field.ruleKind'),
            dataIndex: 'kind',
            render: (k: RuleT['kind']) => (
              <div>
                <strong>{t(`ruleKind.${k}`)}</strong>
                <div className="stl-hint">{t(`ruleHelp.${k}`)}</div>
              </div>
            ),
          },
          { title: t('field.params'), key: 'params', render: (_: unknown, r) => paramsText(r, t) },
          {
            title: t('field.enabled'),
            dataIndex: 'enabled',
            width: 70,
            render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{t(v ? 'ruleEd.on' : 'ruleEd.off')}</Tag>,
          },
          { title: t('field.severity'), dataIndex: 'severity', width: 70, render: (s: RuleT['severity']) => <Tag color={SEVERITY_COLOUR[s]}>{t(`severity.${s}`)}</Tag> },
          { title: t('field.inboxRole'), dataIndex: 'inboxRole', width: 110, render: (r: Role) => t(`role.${r}`) },
          { title: t('ruleEd.active'), dataIndex: 'activeAlerts', width: 70, align: 'right', render: (n: number) => <span className="num">{n}</span> },
          { title: t('ruleEd.evaluatedAt'), dataIndex: 'evaluatedAt', width: 130, render: (v: string | null) => dateTime(v) },
          ...(canManage
            ? [
                {
                  key: 'edit',
                  width: 64,
                  render: (_: unknown, r: RuleT) => (
                    <Button size="small" onClick={() => setEditing(r)} aria-label={t('ruleEd.editOf', { rule: `ruleKind.${r.kind}` })}>
                      {t('ruleEd.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <RuleEditor rule={editing} onClose={() => setEditing(null)} />}
    </div>
  )
}
