import { Card, Descriptions, Tag } from 'antd'
import { useT } from '../../i18n'
import type { RoDetailT } from '../../stores/types'
import { areaLabel } from '../check-in/findings'

/** What was agreed at check-in, kept in view while the estimate is written. */
export function CheckInSummary({ ro }: { ro: RoDetailT }) {
  const t = useT()
  return (
    <Card size="small" title={t('roView.checkIn')} className="check-in-summary">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'concerns', label: t('field.concerns'), children: <span className="pre-wrap">{ro.concerns}</span> },
          {
            key: 'findings',
            label: t('checkIn.findings'),
            children:
              ro.findings.length === 0
                ? t('checkIn.noFindings')
                : ro.findings.map((f, i) => (
                    <Tag key={i} color={f.kind === 'damage' ? 'red' : f.kind === 'warning_light' ? 'orange' : 'blue'}>
                      {t('common.labelValue', { label: t(`walk.kind.${f.kind}`), value: areaLabel(t, f.kind, f.area) })}
                      {f.note ? ` — ${f.note}` : ''}
                    </Tag>
                  )),
          },
          { key: 'oldParts', label: t('field.returnOldParts'), children: ro.returnOldParts ? t('common.yes') : t('common.no') },
        ]}
      />
    </Card>
  )
}
