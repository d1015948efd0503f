import { useState } from 'react'
import { Alert, Card, Col, Modal, Row, Table, Tag, Typography } from 'antd'
import type { InputOf, OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { percentFromBp } from '../../../../shared/format/numbers'
import { useApiQuery } from '../../api/query-client'
import { useLocale, useT } from '../../i18n'
import { dateTime, money } from '../../format'
import { navigate } from '../../router'
import { TrendChart } from './TrendChart'
import '../warranty/warranty.css'
import './dashboard.css'

type Figures = OutputOf<Contract['insurance.figures']>
type Insurer = Figures['insurers'][number]
type DrillIn = InputOf<Contract['insurance.figures.drill']>
type Drill = OutputOf<Contract['insurance.figures.drill']>
type AssessmentRow = Drill['assessments'][number]
type InvoiceRow = Drill['invoices'][number]

const latestOf = <P extends { valueBp: number | null }>(points: readonly P[]) => [...points].reverse().find((p) => p.valueBp !== null)

/** 定损及时，当月回款: assessment timeliness and same-month collection by month, collection per insurer; each opens its rows. */
export function InsuranceFigures({ months }: { months: number }) {
  const t = useT()
  const locale = useLocale()
  const figures = useApiQuery('insurance.figures', { months }, { keepPrevious: true })
  const [drill, setDrill] = useState<{ input: DrillIn; title: string } | null>(null)
  if (figures.error) return <Alert type="error" showIcon title={figures.error.message} className="stl-gap" />
  const f = figures.data
  if (!f) return null
  const timely = latestOf(f.timeliness)
  const collected = latestOf(f.collection)
  const openTimeliness = (month: string) => setDrill({ input: { figure: 'timeliness', month }, title: t('insFig.drill.timeliness', { month }) })
  const openCollection = (month: string, insurer?: string) =>
    setDrill({ input: { figure: 'collection', month, ...(insurer !== undefined ? { insurer } : {}) }, title: insurer !== undefined ? t('insFig.drill.collectionOf', { month, insurer }) : t('insFig.drill.collection', { month }) })
  return (
    <section className="wty-figures ins-figures" aria-label={t('insFig.title')}>
      <Typography.Title level={5} className="wty-figures-title">
        {t('insFig.title')}
      </Typography.Title>
      <Row gutter={[10, 10]}>
        <Col xs={24} md={12} xl={7}>
          <Card size="small" className="target-card" title={t('insFig.timeliness')} role="region" aria-label={t('insFig.timeliness')}>
            <div className="target-head">
              <span className="target-value">{timely ? percentFromBp(timely.valueBp) : '—'}</span>
              <div className="target-meta">
                {timely ? <Tag>{timely.month}</Tag> : <Tag>{t('insFig.none')}</Tag>}
                <span className="muted">{t('insFig.timelinessRule', { days: f.assessmentDays })}</span>
              </div>
            </div>
            <TrendChart
              series={f.timeliness.map((p) => ({ month: p.month, value: p.valueBp }))}
              band={{ min: null, max: null }}
              unit="bp"
              kind="bar"
              label={t('dash.trendOf', { target: t('insFig.timeliness') })}
              selected={drill?.input.figure === 'timeliness' ? (drill.input.month ?? null) : null}
              onPick={openTimeliness}
              pointLabel={(p) => {
                const point = f.timeliness.find((x) => x.month === p.month)
                return t('insFig.timelinessPoint', { month: p.month, due: point?.due ?? 0, onTime: point?.onTime ?? 0, value: percentFromBp(point?.valueBp ?? null) })
              }}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Card size="small" className="target-card" title={t('insFig.collection')} role="region" aria-label={t('insFig.collection')}>
            <div className="target-head">
              <span className="target-value">{collected ? percentFromBp(collected.valueBp) : '—'}</span>
              <div className="target-meta">
                {collected ? <Tag>{collected.month}</Tag> : <Tag>{t('insFig.none')}</Tag>}
                <span className="muted">{t('insFig.collectionRule')}</span>
              </div>
            </div>
            {collected && (
              <div className="muted">
                {t('insFig.amounts', { settled: money(collected.settledFen, locale), collected: money(collected.collectedFen, locale), outstanding: money(collected.outstandingFen, locale) })}
              </div>
            )}
            <TrendChart
              series={f.collection.map((p) => ({ month: p.month, value: p.valueBp }))}
              band={{ min: null, max: null }}
              unit="bp"
              kind="bar"
              label={t('dash.trendOf', { target: t('insFig.collection') })}
              selected={drill?.input.figure === 'collection' && drill.input.insurer === undefined ? (drill.input.month ?? null) : null}
              onPick={(month) => openCollection(month)}
              pointLabel={(p) => {
                const point = f.collection.find((x) => x.month === p.month)
                return t('insFig.collectionPoint', {
                  month: p.month,
                  invoices: point?.invoices ?? 0,
                  collected: point?.collected ?? 0,
                  value: percentFromBp(point?.valueBp ?? null),
                  settled: money(point?.settledFen ?? 0, locale),
                  collectedFen: money(point?.collectedFen ?? 0, locale),
                  outstanding: money(point?.outstandingFen ?? 0, locale),
                })
              }}
            />
          </Card>
        </Col>
        <Col xs={24} md={24} xl={10}>
          <Card size="small" title={t('insFig.insurers', { month: f.insurersMonth })} role="region" aria-label={t('insFig.insurers', { month: f.insurersMonth })}>
            <Table<Insurer>
              size="small"
              rowKey="insurer"
              pagination={false}
              dataSource={f.insurers}
              aria-label={t('insFig.insurers', { month: f.insurersMonth })}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('insFig.insurersEmpty') }}
              onRow={(r) => ({ className: 'wty-figures-row', onClick: () => openCollection(f.insurersMonth, r.insurer) })}
              columns={[
                { title: t('insFig.col.insurer'), dataIndex: 'insurer', className: 'ins-fig-insurer' },
                { title: t('insFig.col.invoices'), dataIndex: 'invoices', width: 56, align: 'right' },
                { title: t('insFig.col.collectedCount'), dataIndex: 'collected', width: 64, align: 'right' },
                { title: t('insFig.col.rate'), dataIndex: 'valueBp', width: 64, align: 'right', render: (v: number | null) => percentFromBp(v) },
                { title: t('insFig.col.settled'), dataIndex: 'settledFen', width: 96, align: 'right', render: (v: number) => money(v, locale) },
                { title: t('insFig.col.collected'), dataIndex: 'collectedFen', width: 100, align: 'right', render: (v: number) => money(v, locale) },
                { title: t('insFig.col.outstanding'), dataIndex: 'outstandingFen', width: 100, align: 'right', render: (v: number) => money(v, locale) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {drill && <InsuranceDrill input={drill.input} title={drill.title} onClose={() => setDrill(null)} />}
    </section>
  )
}

function InsuranceDrill({ input, title, onClose }: { input: DrillIn; title: string; onClose(): void }) {
  const t = useT()
  const locale = useLocale()
  const drill = useApiQuery('insurance.figures.drill', input)
  const d = drill.data
  return (
    <Modal open footer={null} width={1080} onCancel={onClose} title={title} className="ins-figures">
      {drill.error && <Alert type="error" showIcon title={drill.error.message} />}
      {input.figure === 'timeliness' ? (
        <>
          <Table<AssessmentRow>
            size="small"
            rowKey="claimId"
            loading={drill.isPending}
            pagination={false}
            scroll={{ y: 420 }}
            dataSource={d?.assessments ?? []}
            aria-label={title}
            locale={{ emptyText: t('insFig.drill.empty') }}
            onRow={(r) => ({ className: 'wty-figures-row', onClick: () => navigate({ name: 'ro', id: r.roId }) })}
            columns={[
              { title: t('insFig.col.ro'), dataIndex: 'roNumber', className: 'mono', width: 130 },
              { title: t('insFig.col.plate'), dataIndex: 'plate', width: 90 },
              { title: t('insFig.col.insurer'), dataIndex: 'insurer', width: 110, className: 'ins-fig-insurer' },
              { title: t('insFig.col.reportNo'), dataIndex: 'reportNo', className: 'mono' },
              { title: t('insFig.col.arrivedOn'), dataIndex: 'arrivedOn', width: 96 },
              { title: t('insFig.col.dueOn'), dataIndex: 'dueOn', width: 96 },
              { title: t('insFig.col.assessedOn'), dataIndex: 'assessedOn', width: 96, render: (v: string | null) => v ?? '—' },
              {
                title: t('insFig.col.onTime'),
                key: 'onTime',
                width: 100,
                render: (_, r) =>
                  r.onTime ? <Tag color="green">{t('insFig.onTime')}</Tag> : <Tag color="red">{r.assessedOn === null ? `${t('insFig.notAssessed')} · ${t('insFig.late', { days: r.daysLate })}` : t('insFig.late', { days: r.daysLate })}</Tag>,
              },
            ]}
          />
          {d && d.assessments.length > 0 && (
            <Typography.Paragraph type="secondary" className="wty-figures-sum">
              {t('insFig.drill.timelinessSum', { due: d.assessments.length, onTime: d.assessments.filter((r) => r.onTime).length })}
            </Typography.Paragraph>
          )}
        </>
      ) : (
        <>
          <Table<InvoiceRow>
            size="small"
            rowKey="invoiceId"
            loading={drill.isPending}
            pagination={false}
            scroll={{ y: 420 }}
            dataSource={d?.invoices ?? []}
            aria-label={title}
            locale={{ emptyText: t('insFig.drill.empty') }}
            onRow={(r) => ({ className: 'wty-figures-row', onClick: () => navigate({ name: 'ro', id: r.roId }) })}
            columns={[
              { title: t('insFig.col.invoice'), dataIndex: 'number', className: 'mono', width: 140 },
              { title: t('insFig.col.ro'), dataIndex: 'roNumber', className: 'mono', width: 130 },
              { title: t('insFig.col.insurer'), dataIndex: 'insurer', width: 110, className: 'ins-fig-insurer' },
              { title: t('insFig.col.issuedAt'), dataIndex: 'issuedAt', width: 130, render: (v: string) => dateTime(v) },
              { title: t('insFig.col.gross'), dataIndex: 'grossFen', width: 100, align: 'right', render: (v: number) => money(v, locale) },
              { title: t('insFig.col.collected'), dataIndex: 'collectedInMonthFen', width: 100, align: 'right', render: (v: number) => money(v, locale) },
              {
                title: t('insFig.col.inMonth'),
                key: 'inMonth',
                width: 110,
                render: (_, r) =>
                  r.pending ? <Tag>{t('insFig.pending')}</Tag> : r.collectedInMonth ? <Tag color="green">{t('insFig.collectedYes')}</Tag> : <Tag color="red">{t('insFig.collectedNo')}</Tag>,
              },
              { title: t('insFig.col.paid'), dataIndex: 'paidFen', width: 100, align: 'right', render: (v: number) => money(v, locale) },
              { title: t('insFig.col.lastPaidAt'), dataIndex: 'lastPaidAt', width: 140, render: (v: string | null) => (v ? dateTime(v) : '—') },
            ]}
          />
          {d && d.invoices.length > 0 && (
            <Typography.Paragraph type="secondary" className="wty-figures-sum">
              {t('insFig.drill.collectionSum', {
                count: d.invoices.length,
                invoices: d.invoices.filter((r) => !r.pending).length,
                collectedCount: d.invoices.filter((r) => !r.pending && r.collectedInMonth).length,
                settled: money(d.invoices.reduce((s, r) => s + r.grossFen, 0), locale),
                collected: money(d.invoices.reduce((s, r) => s + r.collectedInMonthFen, 0), locale),
              })}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Modal>
  )
}
