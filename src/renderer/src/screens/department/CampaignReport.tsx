import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { figureIsMoney } from '../../../../shared/domain/campaign'
import { percentFromBp } from '../../../../shared/format/numbers'
import { PrintFrame } from '../../components/PrintFrame'
import { useLocale, useT } from '../../i18n'
import { money } from '../../format'

type Analysis = OutputOf<Contract['campaigns.analysis']>

/** The one-page campaign report (活动总结报告): the plan, the figures and the manager's summary. */
export function CampaignReport({ analysis, onBack }: { analysis: Analysis; onBack(): void }) {
  const t = useT()
  const locale = useLocale()
  const k = analysis.campaign
  const offer = [
    k.labourDiscountBp > 0 ? t('campaign.labourOff', { pct: percentFromBp(k.labourDiscountBp) }) : null,
    k.packageName ? t('campaign.packageAt', { name: k.packageName, price: k.packagePriceFen === null ? '' : money(k.packagePriceFen, locale) }) : null,
    k.freeCheck || null,
  ].filter((p): p is string => p !== null)
  return (
    <PrintFrame title={t('campaign.reportTitle')} number={k.code} sub={`${k.startsOn} ~ ${k.endsOn}`} backLabel={t('campaign.backToList')} onBack={onBack}>
      <table className="print-grid">
        <tbody>
          <tr>
            <th>{t('campaign.name')}</th>
            <td>{k.name}</td>
          </tr>
          <tr>
            <th>{t('campaign.offer')}</th>
            <td>{offer.join(' · ') || '—'}</td>
          </tr>
          <tr>
            <th>{t('campaign.target')}</th>
            <td>{t(`campaignTarget.${k.target.source}`)}{k.target.model ? ` · ${k.target.model}` : ''}</td>
          </tr>
        </tbody>
      </table>
      <table className="print-grid">
        <tbody>
          {analysis.figures.map((f) => (
            <tr key={f.figure}>
              <th>{t(`campaignFigure.${f.figure}`)}</th>
              <td>{figureIsMoney(f.figure) ? money(f.value, locale) : f.value}</td>
            </tr>
          ))}
          <tr>
            <th>{t('campaign.cost')}</th>
            <td>{money(k.costFen, locale)}</td>
          </tr>
          <tr>
            <th>{t('campaign.returnOnCost')}</th>
            <td>{analysis.returnOnCostBp === null ? '—' : percentFromBp(analysis.returnOnCostBp)}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t('campaign.summary')}</h2>
      <p className="campaign-summary">{k.summary || '—'}</p>
    </PrintFrame>
  )
}
