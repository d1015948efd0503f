import { useEffect } from 'react'
import { Alert, Button, Col, Row, Segmented, Skeleton, Typography } from 'antd'
import { ReloadOutlined } from '@ant-design/icons'
import { useStore } from 'zustand'
import { useT } from '../../i18n'
import { dateTime } from '../../format'
import { useHotkeys } from '../../hotkeys'
import { Forbidden } from '../shell/Forbidden'
import { StaleBanner } from '../settlement/SettlementScreen'
import { useAreaLive, useCan, useSettlementStores } from '../settlement/use-settlement'
import { TargetCard } from './TargetCard'
import { DrillDrawer } from './DrillDrawer'
import '../settlement/settlement.css'
import './dashboard.css'

const SPANS = [6, 12, 24] as const

/** 指标看板: the manual's figures against their targets, month by month, with what lies behind each. */
export function DashboardScreen() {
  const t = useT()
  const canRead = useCan('dashboard.read')
  const store = useSettlementStores().dashboard
  const targets = useStore(store, (s) => s.targets)
  const error = useStore(store, (s) => s.targetsError)
  const months = useStore(store, (s) => s.months)
  const loading = useStore(store, (s) => s.loading)
  const drillOf = useStore(store, (s) => s.drillOf)
  useAreaLive()

  useEffect(() => {
    if (canRead) void store.getState().loadTargets()
  }, [store, canRead])
  useHotkeys({ F5: () => void store.getState().loadTargets() })

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
          onChange={(m) => void store.getState().loadTargets(m)}
          options={SPANS.map((n) => ({ value: n, label: t('dash.months', { n }) }))}
        />
        <Button size="small" icon={<ReloadOutlined />} loading={loading} onClick={() => void store.getState().loadTargets()} aria-label={t('dash.refresh')} />
        <Typography.Text type="secondary" className="stl-keys">
          {t('dash.keys')}
        </Typography.Text>
        {targets && <span className="stl-total">{t('dash.asOf', { at: dateTime(targets.asOf) })}</span>}
      </div>
      {error && <Alert type="error" showIcon title={error} className="stl-gap" />}
      {!targets && !error && <Skeleton active />}
      {targets && (
        <Row gutter={[10, 10]}>
          {targets.targets.map((target) => (
            <Col key={target.key} xs={24} md={12} xl={8} xxl={6}>
              <TargetCard
                target={target}
                selectedMonth={drillOf?.target === target.key ? drillOf.month : null}
                onDrill={(month) => void store.getState().openDrill({ target: target.key, month })}
              />
            </Col>
          ))}
        </Row>
      )}
      <DrillDrawer store={store} />
    </div>
  )
}
