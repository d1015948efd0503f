import { useState } from 'react'
import { Button, Card, Input, Modal, Space, Statistic, Table } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { figureIsMoney, type CampaignFigure } from '../../../../shared/domain/campaign'
import { percentFromBp } from '../../../../shared/format/numbers'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useLocale, useT } from '../../i18n'
import { dateTime, fenToYuanText, money, yuanTextToFen } from '../../format'

type Analysis = OutputOf<Contract['campaigns.analysis']>
type DrillRow = OutputOf<Contract['campaigns.drill']>['rows'][number]

/** 活动分析: each figure drills to its rows; the manager enters the cost and writes the summary. */
export function CampaignAnalysis({ analysis, canManage, onPrint }: { analysis: Analysis; canManage: boolean; onPrint(): void }) {
  const t = useT()
  const locale = useLocale()
  const [drill, setDrill] = useState<CampaignFigure | null>(null)
  const k = analysis.campaign
  const [cost, setCost] = useState(fenToYuanText(k.costFen))
  const [summary, setSummary] = useState(k.summary)
  const review = useApiMutation('campaigns.review')
  const costFen = yuanTextToFen(cost)
  return (
    <Card size="small" className="campaign-offer" title={t('campaign.analysis')} extra={<Button size="small" onClick={onPrint}>{t('dept.print')}</Button>}>
      <Space wrap size="large">
        {analysis.figures.map((f) => (
          <Button key={f.figure} type="text" className="campaign-figure" aria-label={t('campaign.drillOf', { figure: t(`campaignFigure.${f.figure}`) })} onClick={() => setDrill(f.figure)}>
            <Statistic title={t(`campaignFigure.${f.figure}`)} value={figureIsMoney(f.figure) ? money(f.value, locale) : f.value} />
          </Button>
        ))}
        <Statistic title={t('campaign.cost')} value={money(k.costFen, locale)} />
        <Statistic title={t('campaign.returnOnCost')} value={analysis.returnOnCostBp === null ? '—' : percentFromBp(analysis.returnOnCostBp)} />
      </Space>
      {canManage && (
        <div className="care-section dept-form">
          <label>{t('campaign.cost')}</label>
          <Input aria-label={t('campaign.cost')} style={{ width: 160 }} value={cost} onChange={(e) => setCost(e.target.value)} status={costFen === null ? 'error' : ''} />
          <label>{t('campaign.summary')}</label>
          <Input.TextArea aria-label={t('campaign.summary')} rows={3} maxLength={4000} value={summary} onChange={(e) => setSummary(e.target.value)} />
          <span />
          <Button type="primary" size="small" style={{ justifySelf: 'start' }} disabled={costFen === null} loading={review.isPending} onClick={() => costFen !== null && review.mutate({ id: k.id, version: k.version, costFen, summary })}>
            {t('common.save')}
          </Button>
        </div>
      )}
      {drill && <DrillModal id={k.id} figure={drill} onClose={() => setDrill(null)} />}
    </Card>
  )
}

function DrillModal({ id, figure, onClose }: { id: number; figure: CampaignFigure; onClose(): void }) {
  const t = useT()
  const locale = useLocale()
  const view = useApiQuery('campaigns.drill', { id, figure })
  const d = view.data
  const label = t(`campaignFigure.${figure}`)
  return (
    <Modal open width={760} footer={null} onCancel={onClose} title={d ? `${label}：${figureIsMoney(figure) ? money(d.value, locale) : d.value}` : label}>
      <Table<DrillRow>
        size="small"
        rowKey="key"
        loading={!d}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        dataSource={d?.rows ?? []}
        aria-label={label}
        columns={[
          { title: t('field.plate'), render: (_, r) => r.plate ?? '—', width: 110 },
          { title: t('field.customer'), dataIndex: 'customerName' },
          { title: t('field.roNumber'), render: (_, r) => r.roNumber ?? '—' },
          { title: t('field.date'), render: (_, r) => (r.at ? dateTime(r.at) : '—') },
          ...(figureIsMoney(figure) ? [{ title: label, align: 'right' as const, render: (_: unknown, r: DrillRow) => money(r.amountFen ?? 0, locale) }] : []),
        ]}
      />
    </Modal>
  )
}
