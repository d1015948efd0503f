import { useEffect, useMemo, useState } from 'react'
import { Alert, App, Button, Drawer, Form, InputNumber, Segmented, Select, Space, Statistic, Switch, Typography } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { ROLES, type Role } from '../../../../shared/domain/roles'
import { RO_TYPES, type RoType } from '../../../../shared/domain/ro-type'
import { SEVERITIES, type Severity } from '../../../../shared/domain/rules'
import type { MessageKey } from '../../../../shared/i18n'
import { useT } from '../../i18n'
import { useHotkeys } from '../../hotkeys'
import { useApiQuery, useApiWrite } from '../../api/query-client'
import type { RuleT } from '../../stores/alerts-store'
import { completeParams, fromShown, isRoTypes, paramFields, precisionOf, toShown, type ParamValues } from './rule-params'

type Effect = OutputOf<Contract['rules.preview']>

/**
 * A manager changes a rule: on or off, severity, whose inbox, and its parameters. Every change is
 * previewed (how many alerts it would raise and clear) and Save waits for the preview of exactly
 * what is on the form.
 */
export function RuleEditor({ rule, onClose }: { rule: RuleT; onClose(): void }) {
  const t = useT()
  const write = useApiWrite()
  const { message } = App.useApp()
  const fields = useMemo(() => paramFields(rule.kind), [rule.kind])
  const [enabled, setEnabled] = useState(rule.enabled)
  const [severity, setSeverity] = useState<Severity>(rule.severity)
  const [inboxRole, setInboxRole] = useState<Role>(rule.inboxRole)
  const [params, setParams] = useState<ParamValues>(() => completeParams(rule.kind, rule.params))
  const [saveProblem, setSaveProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const key = JSON.stringify({ enabled, params })

  // The preview asks once the changes paused; each set of figures is its own query key, so an
  // answer for earlier figures never passes for the current ones.
  const [asked, setAsked] = useState({ kind: rule.kind, enabled, params })
  useEffect(() => {
    const timer = setTimeout(() => {
      setSaveProblem(null)
      setAsked({ kind: rule.kind, enabled, params })
    }, 250)
    return () => clearTimeout(timer)
  }, [rule.kind, enabled, params])
  const preview = useApiQuery('rules.preview', asked, { keepPrevious: true })
  const effect: { key: string; data: Effect } | null = preview.data
    ? { key: preview.isPlaceholderData ? '' : JSON.stringify({ enabled: asked.enabled, params: asked.params }), data: preview.data }
    : null
  const problem = saveProblem ?? (preview.isError ? preview.error.message : null)

  const previewed = effect?.key === key && problem === null
  const save = async () => {
    if (!previewed || busy) return
    setBusy(true)
    // The rule, the inbox and the count are read again: the write's events name them.
    const result = await write('rules.update', { kind: rule.kind, version: rule.version, enabled, severity, inboxRole, params })
    setBusy(false)
    if (!result.ok) return setSaveProblem(result.message)
    void message.success(t('ruleEd.saved', { raised: result.data.raised, cleared: result.data.cleared }))
    onClose()
  }
  useHotkeys({ 'Ctrl+S': () => void save() })

  const title = t(`ruleKind.${rule.kind}`)
  return (
    <Drawer
      open
      size={520}
      title={t('ruleEd.title', { rule: title })}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={() => setParams(completeParams(rule.kind, {}))}>{t('ruleEd.reset')}</Button>
          <Button type="primary" onClick={() => void save()} disabled={!previewed} loading={busy}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t(`ruleHelp.${rule.kind}`)}</Typography.Paragraph>
      <Form layout="horizontal" labelCol={{ span: 8 }} wrapperCol={{ span: 16 }} aria-label={title} size="small">
        <Form.Item label={t('field.enabled')}>
          <Switch checked={enabled} onChange={setEnabled} aria-label={t('field.enabled')} />
        </Form.Item>
        <Form.Item label={t('field.severity')}>
          <Segmented<Severity> value={severity} onChange={setSeverity} options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))} />
        </Form.Item>
        <Form.Item label={t('field.inboxRole')}>
          <Select<Role> value={inboxRole} onChange={setInboxRole} aria-label={t('field.inboxRole')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        {fields.map((f) => {
          const label = t(`field.${f.name}` as MessageKey)
          if (f.kind === 'roTypes') {
            const value = isRoTypes(params[f.name]) ? (params[f.name] as RoType[]) : f.defaultValue
            return (
              <Form.Item key={f.name} label={label} extra={t('ruleEd.manual', { value: f.defaultValue.map((r) => t(`roType.${r}`)).join(t('ruleEd.listSep')) })}>
                <Select<RoType[]>
                  mode="multiple"
                  value={value}
                  aria-label={label}
                  onChange={(v) => setParams((p) => ({ ...p, [f.name]: v }))}
                  options={RO_TYPES.map((r) => ({ value: r, label: t(`roType.${r}`) }))}
                />
              </Form.Item>
            )
          }
          const stored = typeof params[f.name] === 'number' ? (params[f.name] as number) : f.defaultValue
          const unit = t(`ruleEd.unit.${f.unit}`)
          return (
            <Form.Item key={f.name} label={label} extra={t('ruleEd.manual', { value: `${toShown(f.defaultValue, f.unit)} ${unit}` })}>
              <InputNumber
                value={toShown(stored, f.unit)}
                min={toShown(f.min, f.unit)}
                max={toShown(f.max, f.unit)}
                precision={precisionOf(f.unit)}
                step={f.unit === 'factor' ? 0.1 : 1}
                suffix={unit}
                aria-label={label}
                className="rule-number"
                onChange={(v) => v !== null && setParams((p) => ({ ...p, [f.name]: fromShown(v, f.unit) }))}
              />
            </Form.Item>
          )
        })}
      </Form>
      <div className="rule-preview" role="status" aria-label={t('ruleEd.preview')}>
        <Typography.Text strong>{t('ruleEd.preview')}</Typography.Text>
        {problem && <Alert type="error" showIcon title={problem} />}
        {!problem && effect && (
          <div className={previewed ? 'rule-effect' : 'rule-effect rule-effect-stale'}>
            <Statistic title={t('ruleEd.raise')} value={effect.data.raise} styles={{ content: { color: effect.data.raise ? '#cf1322' : undefined } }} />
            <Statistic title={t('ruleEd.clear')} value={effect.data.clear} styles={{ content: { color: effect.data.clear ? '#389e0d' : undefined } }} />
            <Statistic title={t('ruleEd.keep')} value={effect.data.keep} />
            <Statistic title={t('ruleEd.activeNow')} value={effect.data.activeNow} />
          </div>
        )}
        <Typography.Text type="secondary" className="stl-keys">
          {previewed ? t('ruleEd.previewReady') : t('ruleEd.previewing')}
        </Typography.Text>
      </div>
    </Drawer>
  )
}
