import { Card, Tag, Timeline } from 'antd'
import { useT } from '../../i18n'
import { dateTime } from '../../format'
import type { WorkshopRoT } from '../../stores/workshop-store'
import { checklistLabel } from './checklist-label'

/** Every final inspection of the order: pass or fail, by whom, failed items and the jobs sent back. */
export function InspectionHistory({ ro }: { ro: WorkshopRoT }) {
  const t = useT()
  if (ro.inspections.length === 0) return null
  return (
    <Card size="small" title={t('wk.qc.history')} className="ws-inspections">
      <Timeline
        items={ro.inspections.map((i) => ({
          key: i.id,
          color: i.result === 'pass' ? 'green' : 'red',
          content: (
            <div>
              <Tag color={i.result === 'pass' ? 'green' : 'red'}>{t(i.result === 'pass' ? 'wk.qc.passed' : 'wk.qc.failed')}</Tag>
              {i.wash && <Tag color="cyan">{t('wk.qc.toWash')}</Tag>}
              <span className="muted">
                {i.inspector} · {dateTime(i.at)}
              </span>
              {i.note && <div>{i.note}</div>}
              {i.items
                .filter((x) => x.result !== 'ok')
                .map((x) => (
                  <div key={x.itemId} className={x.result === 'fail' ? 'ws-late' : 'muted'}>
                    {x.result === 'fail' ? '✕' : '○'} {t(`wk.qc.item.${x.result}`)}：{checklistLabel(t, x.label)}
                    {x.note ? ` — ${x.note}` : ''}
                  </div>
                ))}
              {i.rework.map((r) => (
                <div key={r.jobId}>{t('wk.qc.reworkLine', { job: r.description, reason: r.reason })}</div>
              ))}
            </div>
          ),
        }))}
      />
    </Card>
  )
}
