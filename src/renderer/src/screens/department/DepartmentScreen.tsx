import { useState } from 'react'
import { Tabs, Typography } from 'antd'
import { useT } from '../../i18n'
import { useCan } from '../../permissions'
import { todayIn } from '../../format'
import { Forbidden } from '../shell/Forbidden'
import { useTimeZone } from '../settlement/use-settlement'
import { createDepartmentUi } from '../../stores/department-store'
import { navigate, type DepartmentTab } from '../../router'
import { TargetsTab } from './TargetsTab'
import { DrillModal, ProgressTab } from './ProgressTab'
import { ScorecardsTab } from './ScorecardsTab'
import { TrainingTab } from './TrainingTab'
import { FivesTab } from './FivesTab'
import { EtiquetteTab } from './EtiquetteTab'
import { CampaignsTab } from './CampaignsTab'
import { QualityTab } from './QualityTab'
import { ReportTab } from './ReportTab'
import { FigureDrillModal } from './FigureDrillModal'
import '../settlement/settlement.css'
import './department.css'

/** 部门管理: targets and their split, progress against them, scorecards, training and 5S. */
export function DepartmentScreen({ tab = 'progress' }: { tab?: DepartmentTab | undefined }) {
  const t = useT()
  const canRead = useCan('department.read')
  const timeZone = useTimeZone()
  const [ui] = useState(() => createDepartmentUi(todayIn(timeZone)))
  if (!canRead) return <Forbidden />
  return (
    <div className="stl-screen dept">
      <Typography.Title level={4} className="stl-title">
        {t('dept.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate({ name: 'department', tab: key as DepartmentTab })}
        items={[
          { key: 'progress', label: t('dept.tab.progress'), children: <ProgressTab ui={ui} /> },
          { key: 'targets', label: t('dept.tab.targets'), children: <TargetsTab ui={ui} /> },
          { key: 'scorecards', label: t('dept.tab.scorecards'), children: <ScorecardsTab ui={ui} /> },
          { key: 'training', label: t('dept.tab.training'), children: <TrainingTab ui={ui} /> },
          { key: 'fives', label: t('dept.tab.fives'), children: <FivesTab ui={ui} /> },
          { key: 'etiquette', label: t('dept.tab.etiquette'), children: <EtiquetteTab ui={ui} /> },
          { key: 'campaigns', label: t('dept.tab.campaigns'), children: <CampaignsTab ui={ui} /> },
          { key: 'quality', label: t('dept.tab.quality'), children: <QualityTab ui={ui} /> },
          { key: 'report', label: t('dept.tab.report'), children: <ReportTab ui={ui} /> },
        ]}
      />
      {/* One drill-down for the screen: the progress tab's figures and a scorecard's KPIs open the same one. */}
      <DrillModal ui={ui} />
      <FigureDrillModal ui={ui} />
    </div>
  )
}
