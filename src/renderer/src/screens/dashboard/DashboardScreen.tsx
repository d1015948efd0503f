import { Alert, Button, Col, Row, Segmented, Skeleton, Typography } from 'antd'
import { ReloadOutlined } from '@ant-design/icons'
import { useT } from '../../i18n'
import { dateTime } from '../../format'
import { useHotkeys } from '../../hotkeys'
import { Forbidden } from '../shell/Forbidden'
import { StaleBanner } from '../settlement/SettlementScreen'
import { useCan } from '../../permissions'
import { useCareTargets, useDashboardUi, useTargets } from '../../stores/dashboard-store'
import { TargetCard } from './TargetCard'
import { DrillDrawer } from './DrillDrawer'
import { CsiPanel } from './CsiPanel'
import { WarrantyFigures } from '../warranty/WarrantyFigures'
import { InsuranceFigures } from './InsuranceFigures'
import '../settlement/settlement.css'
import './dashboard.css'

const SPANS = [6, 12, 24] as const

/** 指标看板: the manual's figures against their targets, month by month, with what lies behind each. */
export function DashboardScreen() {
  const t = useT()
  const canRead = useCan('dashboard.read')
  const canWarranty = useCan('warranty.read')
  const canReceivables = useCan('receivables.read')
  const months = useDashboardUi((s) => s.months)
  const drillOf = useDashboardUi((s) => s.drillOf)
  const { targets, error, loading, refetch } = useTargets(months, canRead)
  const care = useCareTargets(months, canRead)
  useHotkeys({
    F5: () => {
      void refetch()
      void care.refetch()
    },
  })

  if (!canRead) return <Forbidden />

  return (
    <div className="stl-screen dash">
      <StaleBanner />
      <div className="stl-toolbar">
        <Typography.Title level={4} className="stl-title">
          {t('dash.title')}
        </Typography.Title>
        <Segmented<number>
          size="small"
          value={months}
          onChange={(m) => useDashboardUi.getState().setMonths(m)}
          options={SPANS.map((n) => ({ value: n, label: t('dash.months', { n }) }))}
        />
        <Button size="small" icon={<ReloadOutlined />} loading={loading} onClick={() => void refetch()} aria-label={t('dash.refresh')} />
        <Typography.Text type="secondary" className="stl-keys">
          {t('dash.keys')}
        </Typography.Text>
        {targets && <span className="stl-total">{t('dash.asOf', { at: dateTime(targets.asOf) })}</span>}
      </div>
      {error && <Alert type="error" showIcon title={error} className="stl-gap" />}
      {!targets && !error && <Skeleton active />}
      {targets && (
        <Row gutter={[10, 10]}>
          {[...targets.targets, ...(care.targets?.targets ?? [])].map((target) => (
            <Col key={target.key} xs={24} md={12} xl={8} xxl={6}>
              <TargetCard
                target={target}
                selectedMonth={drillOf?.target === target.key ? drillOf.month : null}
                onDrill={(month) => useDashboardUi.getState().openDrill({ target: target.key, month })}
              />
            </Col>
          ))}
        </Row>
      )}
      {targets && <CsiPanel months={months} />}
      {targets && canReceivables && <InsuranceFigures months={months} />}
      {targets && canWarranty && <WarrantyFigures months={months} />}
      <DrillDrawer />
    </div>
  )
}
