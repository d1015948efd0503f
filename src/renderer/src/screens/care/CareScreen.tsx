import { Tabs } from 'antd'
import { useT } from '../../i18n'
import { useCan } from '../../permissions'
import { navigate, type CareTab } from '../../router'
import { Forbidden } from '../shell/Forbidden'
import { ComplaintList } from './ComplaintList'
import { FollowUpList } from './FollowUpList'
import { CareFigures } from './CareFigures'
import { ReminderList } from './ReminderList'
import { LostAndRetention } from './LostAndRetention'
import { SurveyTemplateEditor } from './SurveyTemplateEditor'
import './care.css'

/** 客户关怀: the follow-up call list after delivery (sorted by due time) and the complaints register. */
export function CareScreen({ tab }: { tab: CareTab }) {
  const t = useT()
  const canRead = useCan('care.read')
  if (!canRead) return <Forbidden />
  return (
    <div className="care-screen">
      <Tabs
        size="small"
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => navigate({ name: 'care', tab: key as CareTab })}
        items={[
          { key: 'followups', label: t('care.tab.followups'), children: <FollowUpList state="open" /> },
          { key: 'reminders', label: t('care.tab.reminders'), children: <ReminderList /> },
          { key: 'closed', label: t('care.tab.closed'), children: <FollowUpList state="closed" /> },
          { key: 'complaints', label: t('care.tab.complaints'), children: <ComplaintList state="active" /> },
          { key: 'closedComplaints', label: t('care.tab.closedComplaints'), children: <ComplaintList state="closed" /> },
          { key: 'figures', label: t('care.tab.figures'), children: <CareFigures /> },
          { key: 'retention', label: t('care.tab.retention'), children: <LostAndRetention /> },
          { key: 'survey', label: t('care.tab.survey'), children: <SurveyTemplateEditor /> },
        ]}
      />
    </div>
  )
}
