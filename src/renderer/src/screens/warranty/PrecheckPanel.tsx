import { Card, Input, List, Tag } from 'antd'
import { useT } from '../../i18n'
import { useCan } from '../../permissions'
import type { ClaimT } from './ClaimEditor'

type FindingT = ClaimT['findings'][number]

/** The pre-submission check as the claim stands: each finding, its field and how to fix it. */
export function PrecheckPanel({ findings, overrides, onOverride }: { findings: FindingT[]; overrides: Record<string, string>; onOverride(rule: string, reason: string): void }) {
  const t = useT()
  const canOverride = useCan('warranty.override')
  return (
    <Card size="small" title={t('wty.check.title')} className="wty-check">
      {findings.length === 0 ? (
        <p className="wty-check-clean" role="status">
          {t('wty.check.clean')}
        </p>
      ) : (
        <List
          size="small"
          aria-label={t('wty.check.title')}
          dataSource={findings}
          renderItem={(f) => (
            <List.Item>
              <div className="wty-finding">
                <Tag color={f.severity === 'block' ? 'red' : 'orange'}>{t(f.severity === 'block' ? 'wty.check.block' : 'wty.check.warn')}</Tag>
                <strong>{t(`warranty.rule.${f.rule}`)}</strong>
                <div className="wty-finding-text">{f.text}</div>
                {f.overridden ? (
                  <div className="wty-muted">{t('wty.check.overridden', { reason: f.overridden.reason, by: f.overridden.by })}</div>
                ) : (
                  f.severity === 'warn' &&
                  canOverride && (
                    <Input
                      size="small"
                      maxLength={200}
                      aria-label={t('wty.check.overrideReason')}
                      placeholder={t('wty.check.overrideReason')}
                      value={overrides[f.rule] ?? ''}
                      onChange={(e) => onOverride(f.rule, e.target.value)}
                    />
                  )
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
