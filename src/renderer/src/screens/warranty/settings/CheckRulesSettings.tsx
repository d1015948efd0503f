import { useState } from 'react'
import { Button, InputNumber, Select, Space, Switch, Table } from 'antd'
import type { OutputOf } from '../../../../../shared/contract/types'
import type { Contract } from '../../../../../shared/contract'
import { useApiMutation, useApiQuery } from '../../../api/query-client'
import { useLocale, useT } from '../../../i18n'
import { money } from '../../../format'
import { useCan } from '../../../permissions'

type RuleRow = OutputOf<Contract['warranty.checkRules']>[number]
type Setting = Pick<RuleRow, 'enabled' | 'severity' | 'param'>

const same = (a: Setting, b: Setting) => a.enabled === b.enabled && a.severity === b.severity && a.param === b.param

/** 提交前检查规则: each rule with what it checks, its default, and its setting to change or reset. */
export function CheckRulesSettings() {
  const t = useT()
  const rules = useApiQuery('warranty.checkRules', {})
  const canEdit = useCan('warranty.configure')
  return (
    <section className="wty-rules" aria-label={t('wty.rules.checkTitle')}>
      <h3>{t('wty.rules.checkTitle')}</h3>
      <p className="wty-muted">{t('wty.rules.checkHint')}</p>
      <Table<RuleRow>
        size="small"
        rowKey="rule"
        aria-label={t('wty.rules.checkTitle')}
        loading={rules.isLoading}
        dataSource={rules.data ?? []}
        pagination={false}
        columns={[
          { title: t('wty.rules.col.rule'), dataIndex: 'rule', width: 150, render: (rule: RuleRow['rule']) => <strong>{t(`warranty.rule.${rule}`)}</strong> },
          { title: t('wty.rules.col.what'), dataIndex: 'rule', key: 'what', render: (rule: RuleRow['rule']) => t(`wty.rules.what.${rule}`) },
          { title: t('wty.rules.col.default'), key: 'default', width: 190, render: (_, r) => <DefaultText row={r} /> },
          { title: `${t('wty.rules.col.enabled')} · ${t('wty.rules.col.severity')} · ${t('wty.rules.col.param')}`, key: 'edit', width: 470, render: (_, r) => <RuleEditor key={`${r.rule}:${r.version}`} row={r} canEdit={canEdit} /> },
        ]}
      />
    </section>
  )
}

function paramText(t: ReturnType<typeof useT>, locale: ReturnType<typeof useLocale>, row: RuleRow, param: number | null): string {
  if (row.paramSpec === null || param === null) return t('wty.rules.noParamShort')
  const value = row.paramSpec.unit === 'fen' ? money(param, locale).replace('¥', '') : String(param)
  return t(`wty.rules.unit.${row.paramSpec.unit}`, { value })
}

function DefaultText({ row }: { row: RuleRow }) {
  const t = useT()
  const locale = useLocale()
  const d = row.defaults
  return (
    <span className="wty-muted">
      {d.enabled ? t('wty.rules.on') : t('wty.rules.off')} · {t(`warranty.severity.${d.severity}`)} · {paramText(t, locale, row, d.param)}
    </span>
  )
}

function RuleEditor({ row, canEdit }: { row: RuleRow; canEdit: boolean }) {
  const t = useT()
  const locale = useLocale()
  const name = t(`warranty.rule.${row.rule}`)
  const [draft, setDraft] = useState<Setting>({ enabled: row.enabled, severity: row.severity, param: row.param })
  const save = useApiMutation('warranty.checkRules.save')
  const store = (s: Setting) => save.mutate({ rules: [{ rule: row.rule, ...s, version: row.version }] })
  const spec = row.paramSpec
  const fen = spec?.unit === 'fen'
  return (
    <Space size={6} wrap>
      <Switch size="small" checked={draft.enabled} disabled={!canEdit} aria-label={`${name} ${t('wty.rules.col.enabled')}`} onChange={(enabled) => setDraft({ ...draft, enabled })} />
      <Select
        size="small"
        style={{ width: 110 }}
        value={draft.severity}
        disabled={!canEdit}
        aria-label={`${name} ${t('wty.rules.col.severity')}`}
        onChange={(severity) => setDraft({ ...draft, severity })}
        options={(['block', 'warn'] as const).map((s) => ({ value: s, label: t(`warranty.severity.${s}`) }))}
      />
      {spec ? (
        <InputNumber
          size="small"
          style={{ width: 130 }}
          aria-label={`${name} ${t('wty.rules.col.param')}`}
          disabled={!canEdit}
          min={fen ? spec.min / 100 : spec.min}
          max={fen ? spec.max / 100 : spec.max}
          precision={fen ? 2 : 0}
          prefix={fen ? '¥' : undefined}
          value={draft.param === null ? null : fen ? draft.param / 100 : draft.param}
          onChange={(v) => setDraft({ ...draft, param: v === null ? null : fen ? Math.round(v * 100) : v })}
          title={t(`wty.rules.range.${spec.unit}`, { min: fen ? money(spec.min, locale).replace('¥', '') : spec.min, max: fen ? money(spec.max, locale).replace('¥', '') : spec.max })}
        />
      ) : (
        <span className="wty-muted wty-rules-noparam">{t('wty.rules.noParamShort')}</span>
      )}
      {canEdit && (
        <>
          <Button size="small" type="primary" disabled={same(draft, row)} loading={save.isPending} onClick={() => store(draft)} aria-label={`${name} ${t('wty.rules.save')}`}>
            {t('wty.rules.save')}
          </Button>
          <Button size="small" disabled={same(row, row.defaults)} onClick={() => store(row.defaults)} aria-label={`${name} ${t('wty.rules.reset')}`}>
            {t('wty.rules.reset')}
          </Button>
        </>
      )}
    </Space>
  )
}
