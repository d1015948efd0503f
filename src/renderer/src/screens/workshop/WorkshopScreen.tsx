import type { ReactNode } from 'react'
import { Alert, Badge, Tabs } from 'antd'
import { useT } from '../../i18n'
import { navigate, type WorkshopTab } from '../../router'
import { Forbidden } from '../shell/Forbidden'
import { BoardView } from './BoardView'
import { ClockPanel } from './ClockPanel'
import { ApprovalQueue } from './ApprovalQueue'
import { QcQueue } from './QcQueue'
import { SummaryPanel } from './SummaryPanel'
import { WorkshopSettings } from './settings/WorkshopSettings'
import { useLiveStatus, useQueueAdvisor } from './use-workshop'
import { useCan, useRole } from '../../permissions'
import { useApprovalQueue } from '../../stores/workshop-store'
import './board.css'
import './workshop.css'

/** Shown over every workshop view while the push channel is down: what shows may be out of date. */
export function LiveBanner({ live }: { live: 'connecting' | 'connected' | 'stale' }) {
  const t = useT()
  if (live !== 'stale') return null
  return <Alert type="warning" showIcon banner role="alert" className="ws-stale" title={t('wk.live.stale')} />
}

/** 车间: the board and, by role, the job clock, additional-work approvals, QC, figures and settings. */
export function WorkshopScreen({ tab = 'board' }: { tab?: WorkshopTab }) {
  const t = useT()
  const live = useLiveStatus()
  const can = {
    read: useCan('workshop.read'),
    clock: useCan('workshop.clock'),
    approve: useCan('workshop.additional.approve'),
    qc: useCan('workshop.qc'),
    configure: useCan('workshop.configure'),
    dispatch: useCan('workshop.dispatch'),
  }
  // An advisor starts with their own customers' decisions; supervisors and managers see everyone's.
  const mineOnly = useRole() === 'service_advisor'
  // The approvals badge shows on every tab, so the queue is read whatever is showing.
  const queue = useApprovalQueue(useQueueAdvisor(mineOnly), can.approve)

  if (!can.read) return <Forbidden />

  const items: { key: WorkshopTab; label: ReactNode; children: ReactNode }[] = [
    { key: 'board', label: t('wk.tab.board'), children: <BoardView /> },
  ]
  if (can.clock) items.push({ key: 'clock', label: t('wk.tab.clock'), children: <ClockPanel /> })
  if (can.approve) {
    items.push({
      key: 'approvals',
      label: (
        <Badge count={queue?.length ?? 0} size="small" offset={[8, -2]}>
          <span>{t('wk.tab.approvals')}</span>
        </Badge>
      ),
      children: <ApprovalQueue mineOnly={mineOnly} />,
    })
  }
  if (can.qc || can.dispatch) items.push({ key: 'qc', label: t('wk.tab.qc'), children: <QcQueue /> })
  items.push({ key: 'summary', label: t('wk.tab.summary'), children: <SummaryPanel /> })
  if (can.configure) items.push({ key: 'settings', label: t('wk.tab.settings'), children: <WorkshopSettings /> })
  const active = items.some((i) => i.key === tab) ? tab : 'board'

  return (
    <div className="ws-screen">
      <LiveBanner live={live} />
      <Tabs
        size="small"
        activeKey={active}
        destroyOnHidden
        onChange={(key) => navigate({ name: 'workshop', tab: key as WorkshopTab })}
        items={items}
        className="ws-tabs"
      />
    </div>
  )
}
