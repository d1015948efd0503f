import { useState } from 'react'
import { Alert, Card, Col, Modal, Row, Table, Tag, Typography } from 'antd'
import type { InputOf, OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import type { AgeingBucket } from '../../../../shared/domain/warranty-figures'
import { percentFromBp } from '../../../../shared/format/numbers'
import type { MessageKey } from '../../../../shared/i18n'
import { useApiQuery } from '../../api/query-client'
import { useLocale, useT } from '../../i18n'
import { dateTime, money } from '../../format'
import { navigate } from '../../router'
import { TrendChart } from '../dashboard/TrendChart'
import { FirstServiceFigure } from './FirstServiceFigure'
import '../dashboard/dashboard.css'
import './warranty.css'

type Figures = OutputOf<Contract['warranty.figures']>
type Reason = Figures['reasons'][number]
type Band = Figures['ageing'][number]
type DrillIn = InputOf<Contract['warranty.figures.drill']>
type DrillClaim = OutputOf<Contract['warranty.figures.drill']>['claims'][number]

const bucketKey = (b: AgeingBucket) => `wtyFig.bucket.${b}` as MessageKey
const decisionKey = (d: string) => `wtyFig.decision.${d}` as MessageKey

/** The warranty desk's figures: first-submission pass rate by month, this month's reasons, receivable ageing (each opens its claims), the first-service return rate (opens its cars). */
export function WarrantyFigures({ months }: { months: number }) {
  const t = useT()
  const locale = useLocale()
  const figures = useApiQuery('warranty.figures', { months }, { keepPrevious: true })
  const [drill, setDrill] = useState<{ input: DrillIn; title: string } | null>(null)
  if (figures.error) return <Alert type="error" showIcon title={figures.error.message} className="stl-gap" />
  const f = figures.data
  if (!f) return null
  const latest = [...f.pass].reverse().find((p) => p.valueBp !== null)
  const status = latest ? ((latest.valueBp ?? 0) >= f.targetBp ? 'ok' : 'low') : 'none'
  const name = t('wtyFig.firstPass')
  return (
    <section className="wty-figures" aria-label={t('wtyFig.title')}>
      <Typography.Title level={5} className="wty-figures-title">
        {t('wtyFig.title')}
      </Typography.Title>
      <Row gutter={[10, 10]}>
        <Col xs={24} md={12} xl={8}>
          <Card size="small" className={`target-card target-${status}`} title={name} role="region" aria-label={name}>
            <div className="target-head">
              <span className={`target-value target-value-${status}`}>{latest ? percentFromBp(latest.valueBp) : '—'}</span>
              <div className="target-meta">
                {latest ? <Tag color={status === 'ok' ? 'green' : 'red'}>{latest.month}</Tag> : <Tag>{t('wtyFig.none')}</Tag>}
                <span className="muted">{t('wtyFig.firstPassTarget', { target: percentFromBp(f.targetBp) })}</span>
              </div>
            </div>
            <TrendChart
              series={f.pass.map((p) => ({ month: p.month, value: p.valueBp }))}
              band={{ min: f.targetBp, max: null }}
              unit="bp"
              kind="bar"
              label={t('dash.trendOf', { target: name })}
              selected={drill?.input.figure === 'first_pass' ? (drill.input.month ?? null) : null}
              onPick={(month) => setDrill({ input: { figure: 'first_pass', month }, title: t('wtyFig.drill.firstPass', { month }) })}
              pointLabel={(p) => {
                const point = f.pass.find((x) => x.month === p.month)
                return t('wtyFig.firstPassPoint', { month: p.month, decided: point?.decided ?? 0, passed: point?.passed ?? 0, value: percentFromBp(point?.valueBp ?? null) })
              }}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Card size="small" title={t('wtyFig.reasons', { month: f.reasonsMonth })} role="region" aria-label={t('wtyFig.reasons', { month: f.reasonsMonth })}>
            <Table<Reason>
              size="small"
              rowKey={(r) => `${r.decision}:${r.reason}`}
              pagination={false}
              dataSource={f.reasons}
              aria-label={t('wtyFig.reasons', { month: f.reasonsMonth })}
              locale={{ emptyText: t('wtyFig.reasonsEmpty') }}
              onRow={(r) => ({
                className: 'wty-figures-row',
                onClick: () =>
                  setDrill({
                    input: { figure: 'reasons', month: f.reasonsMonth, decision: r.decision, reason: r.reason },
                    title: t('wtyFig.drill.reason', { month: f.reasonsMonth, decision: t(decisionKey(r.decision)), reason: r.reason || t('wtyFig.noReason') }),
                  }),
              })}
              columns={[
                { title: t('wtyFig.col.decision'), dataIndex: 'decision', width: 70, render: (d: string) => <Tag color={d === 'rejected' ? 'red' : 'orange'}>{t(decisionKey(d))}</Tag> },
                { title: t('wtyFig.col.reason'), dataIndex: 'reason', render: (r: string) => r || t('wtyFig.noReason') },
                { title: t('wtyFig.col.count'), dataIndex: 'count', width: 60, align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Card size="small" title={t('wtyFig.ageing')} role="region" aria-label={t('wtyFig.ageing')}>
            <Table<Band>
              size="small"
              rowKey="bucket"
              pagination={false}
              dataSource={f.ageing}
              aria-label={t('wtyFig.ageing')}
              onRow={(b) => ({
                className: 'wty-figures-row',
                onClick: () => setDrill({ input: { figure: 'ageing', bucket: b.bucket }, title: t('wtyFig.drill.ageingBucket', { bucket: t(bucketKey(b.bucket)) }) }),
              })}
              columns={[
                { title: t('wtyFig.col.bucket'), dataIndex: 'bucket', render: (b: AgeingBucket) => t(bucketKey(b)) },
                { title: t('wtyFig.col.claims'), dataIndex: 'claims', width: 60, align: 'right' },
                { title: t('wtyFig.col.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number) => money(v, locale) },
              ]}
              summary={(rows) => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('wtyFig.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {rows.reduce((s, r) => s + r.claims, 0)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {money(
                      rows.reduce((s, r) => s + r.amountFen, 0),
                      locale,
                    )}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <FirstServiceFigure months={months} />
        </Col>
      </Row>
      {drill && <FigureDrill input={drill.input} title={drill.title} onClose={() => setDrill(null)} />}
    </section>
  )
}

function FigureDrill({ input, title, onClose }: { input: DrillIn; title: string; onClose(): void }) {
  const t = useT()
  const locale = useLocale()
  const drill = useApiQuery('warranty.figures.drill', input)
  const claims = drill.data?.claims ?? []
  const ageing = input.figure === 'ageing'
  return (
    <Modal open footer={null} width={820} onCancel={onClose} title={title}>
      {drill.error && <Alert type="error" showIcon title={drill.error.message} />}
      <Table<DrillClaim>
        size="small"
        rowKey={(c) => `${c.claimId}:${c.decidedAt ?? ''}`}
        loading={drill.isPending}
        pagination={false}
        scroll={{ y: 420 }}
        dataSource={claims}
        aria-label={title}
        locale={{ emptyText: t('wtyFig.drill.empty') }}
        onRow={(c) => ({ className: 'wty-figures-row', onClick: () => navigate({ name: 'warrantyClaim', id: c.claimId }) })}
        columns={[
          { title: t('wty.col.number'), dataIndex: 'number', className: 'mono', width: 150 },
          { title: t('wty.col.ro'), dataIndex: 'roNumber', className: 'mono', width: 130 },
          { title: t('wty.col.customer'), dataIndex: 'customerName', width: 110 },
          { title: t('wtyFig.col.decidedAt'), dataIndex: 'decidedAt', width: 140, render: (at: string | null) => dateTime(at) },
          ageing
            ? { title: t('wtyFig.col.ageDays'), dataIndex: 'ageDays', width: 60, align: 'right' }
            : { title: t('wtyFig.col.decision'), dataIndex: 'decision', width: 70, render: (d: string | null) => (d ? t(decisionKey(d)) : '—') },
          ...(ageing ? [] : [{ title: t('wtyFig.col.reason'), dataIndex: 'reason', render: (r: string) => r || '—' }]),
          { title: ageing ? t('wty.col.approved') : t('wty.col.total'), dataIndex: 'amountFen', width: 110, align: 'right' as const, render: (v: number) => money(v, locale) },
        ]}
      />
      {claims.length > 0 && (
        <Typography.Paragraph type="secondary" className="wty-figures-sum">
          {t('wtyFig.drill.sum', { count: claims.length, amount: money(claims.reduce((s, c) => s + c.amountFen, 0), locale) })}
        </Typography.Paragraph>
      )}
    </Modal>
  )
}
