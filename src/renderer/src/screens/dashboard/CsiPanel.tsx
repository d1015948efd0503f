import { useState } from 'react'
import { Alert, Card, Col, Modal, Row, Table, Tag, Typography } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import type { CsiSurvey } from '../../../../shared/domain/csi'
import { decimalFromTenths, percentFromBp } from '../../../../shared/format/numbers'
import type { MessageKey } from '../../../../shared/i18n'
import { useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { TrendChart } from './TrendChart'

type SurveyTrend = OutputOf<Contract['csi.trend']>['surveys'][number]
type DrillItem = OutputOf<Contract['csi.drill']>['items'][number]

const surveyKey = (s: CsiSurvey) => `csiSurvey.${s}` as MessageKey

/** The maker's CSI per survey: each month against the target, the items that lost most, and a month's items on a click. */
export function CsiPanel({ months }: { months: number }) {
  const t = useT()
  const trend = useApiQuery('csi.trend', { months }, { keepPrevious: true })
  const [drillOf, setDrillOf] = useState<{ survey: CsiSurvey; month: string } | null>(null)
  if (trend.error) return <Alert type="error" showIcon title={trend.error.message} className="stl-gap" />
  if (!trend.data) return null
  return (
    <section className="dash-csi" aria-label={t('dash.csi.title')}>
      <Typography.Title level={5} className="dash-csi-title">
        {t('dash.csi.title')}
      </Typography.Title>
      <Row gutter={[10, 10]}>
        {trend.data.surveys.map((s) => (
          <Col key={s.survey} xs={24} md={12} xl={8} xxl={6}>
            <CsiCard survey={s} selected={drillOf?.survey === s.survey ? drillOf.month : null} onDrill={(month) => setDrillOf({ survey: s.survey, month })} />
          </Col>
        ))}
      </Row>
      {drillOf && <CsiDrillModal {...drillOf} onClose={() => setDrillOf(null)} />}
    </section>
  )
}

function CsiCard({ survey, selected, onDrill }: { survey: SurveyTrend; selected: string | null; onDrill(month: string): void }) {
  const t = useT()
  const name = t(surveyKey(survey.survey))
  const latest = [...survey.points].reverse().find((p) => p.scoreTenths !== null)
  const ok = latest?.scoreTenths !== null && latest !== undefined && (latest.scoreTenths ?? 0) >= survey.targetTenths
  return (
    <Card size="small" className={`target-card target-${latest ? (ok ? 'ok' : 'low') : 'none'}`} title={name} role="region" aria-label={name}>
      <div className="target-head">
        <span className={`target-value target-value-${latest ? (ok ? 'ok' : 'low') : 'none'}`}>{latest ? decimalFromTenths(latest.scoreTenths) : '—'}</span>
        <div className="target-meta">
          {latest ? <Tag color={ok ? 'green' : 'red'}>{latest.month}</Tag> : <Tag>{t('dash.csi.none')}</Tag>}
          <span className="muted">{t('dash.csi.target', { target: decimalFromTenths(survey.targetTenths) })}</span>
        </div>
      </div>
      <TrendChart
        series={survey.points.map((p) => ({ month: p.month, value: p.scoreTenths === null ? null : p.scoreTenths * 10 }))}
        band={{ min: survey.targetTenths * 10, max: null }}
        unit="centi"
        kind="line"
        label={t('dash.trendOf', { target: name })}
        selected={selected}
        onPick={onDrill}
        pointLabel={(p) => {
          const point = survey.points.find((x) => x.month === p.month)
          return t('dash.csi.point', { month: p.month, survey: name, score: decimalFromTenths(point?.scoreTenths ?? null), lost: decimalFromTenths(point?.lostTenths ?? 0) })
        }}
      />
      <div className="dash-csi-pulling">
        <Typography.Text strong>{t('dash.csi.pulling')}</Typography.Text>
        {survey.pulling.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          survey.pulling.map((i) => <div key={i.code}>{t('dash.csi.pullingItem', { label: i.label, lost: decimalFromTenths(i.lostTenths), months: i.months })}</div>)
        )}
      </div>
    </Card>
  )
}

function CsiDrillModal({ survey, month, onClose }: { survey: CsiSurvey; month: string; onClose(): void }) {
  const t = useT()
  const drill = useApiQuery('csi.drill', { survey, month })
  const d = drill.data
  return (
    <Modal
      open
      footer={null}
      width={640}
      onCancel={onClose}
      title={d ? t('dash.csi.drillTitle', { month, survey: t(surveyKey(survey)), score: decimalFromTenths(d.scoreTenths), target: decimalFromTenths(d.targetTenths) }) : month}
    >
      {drill.error && <Alert type="error" showIcon title={drill.error.message} />}
      <Table<DrillItem>
        size="small"
        rowKey="code"
        loading={drill.isPending}
        pagination={false}
        dataSource={d?.items ?? []}
        aria-label={t('csi.items')}
        locale={{ emptyText: t('dash.csi.noItems') }}
        columns={[
          { title: t('csi.itemCode'), dataIndex: 'code', width: 70, className: 'mono' },
          { title: t('csi.itemLabel'), dataIndex: 'label' },
          { title: t('csi.itemScore'), dataIndex: 'scoreTenths', width: 70, align: 'right', render: (v: number) => decimalFromTenths(v) },
          { title: t('csi.itemMax'), dataIndex: 'maxTenths', width: 70, align: 'right', render: (v: number) => decimalFromTenths(v) },
          { title: t('dash.csi.lost'), dataIndex: 'lostTenths', width: 70, align: 'right', render: (v: number) => <Typography.Text type={v > 0 ? 'danger' : undefined}>{decimalFromTenths(v)}</Typography.Text> },
          { title: t('dash.csi.share'), dataIndex: 'shareBp', width: 80, align: 'right', render: (v: number) => percentFromBp(v) },
        ]}
      />
      {d && d.items.length > 0 && (
        <Typography.Paragraph type="secondary" className="dash-csi-total">
          {t('dash.csi.total', { lost: decimalFromTenths(d.lostTenths) })}
        </Typography.Paragraph>
      )}
    </Modal>
  )
}
