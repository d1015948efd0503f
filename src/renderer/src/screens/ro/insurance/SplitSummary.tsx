import { Card, Typography } from 'antd'
import { useLocale, useT } from '../../../i18n'
import { money } from '../../../format'
import type { InsuranceViewT } from './types'

/** The two invoices settlement will issue from the split, their sum and the RO total it must equal. */
export function SplitSummary({ view }: { view: InsuranceViewT }) {
  const t = useT()
  const locale = useLocale()
  const { insurer, customer, roGrossFen, deductibleAppliedFen } = view.split
  const sum = insurer.grossFen + customer.grossFen
  const diff = sum - roGrossFen
  // Lines billed to another payer (warranty, internal) are on neither of the two invoices.
  const others = view.lines.some((l) => l.payer !== 'insurance' && l.payer !== 'customer')
  return (
    <Card size="small" title={t('insv.split.title')} className="ins-split">
      <table className="totals-table" aria-label={t('insv.split.title')}>
        <tbody>
          <tr>
            <th>{t('insv.split.insurer')}</th>
            <td className="num" data-testid="ins-insurer-gross">{money(insurer.grossFen, locale)}</td>
          </tr>
          <tr>
            <th>{t('insv.split.customer')}</th>
            <td className="num" data-testid="ins-customer-gross">{money(customer.grossFen, locale)}</td>
          </tr>
          <tr className="totals-gross">
            <th>{t('insv.split.sum')}</th>
            <td className="num" data-testid="ins-split-sum">{money(sum, locale)}</td>
          </tr>
          <tr>
            <th>{t('insv.split.roGross')}</th>
            <td className="num" data-testid="ins-ro-gross">{money(roGrossFen, locale)}</td>
          </tr>
          <tr>
            <th>{t('insv.split.deductible')}</th>
            <td className="num">{money(deductibleAppliedFen, locale)}</td>
          </tr>
        </tbody>
      </table>
      {!others && (
        <Typography.Text type={diff === 0 ? 'success' : 'danger'} data-testid="ins-reconcile">
          {diff === 0 ? t('insv.split.reconciles') : t('insv.split.differs', { diff: money(diff, locale) })}
        </Typography.Text>
      )}
    </Card>
  )
}
