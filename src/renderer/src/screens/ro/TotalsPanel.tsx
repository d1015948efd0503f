import { Card } from 'antd'
import { useStore } from 'zustand'
import { PAYERS } from '../../../../shared/domain/payer'
import { useRoDraft } from '../../stores/ro-store'
import { useLocale, useSessionStore, useT } from '../../i18n'
import { money } from '../../format'
import { draftTotals } from '../../stores/ro-draft'

/** Totals of the estimate as it stands on screen, saved or not, overall and per payer. */
export function TotalsPanel() {
  const t = useT()
  const locale = useLocale()
  const draft = useRoDraft((s) => s.draft)
  const vatBp = useStore(useSessionStore(), (s) => s.settings?.vatRateBp ?? 1300)
  const totals = draftTotals(draft)
  const payers = PAYERS.filter((p) => totals.byPayer[p].grossFen !== 0)

  return (
    <Card size="small" title={t('estimate.totals')} className="totals">
      <table className="totals-table" aria-label={t('estimate.totals')}>
        <tbody>
          <tr>
            <th>{t('field.net')}</th>
            <td className="num" data-testid="total-net">{money(totals.netFen, locale)}</td>
          </tr>
          <tr>
            <th>{t('estimate.vat', { rate: (vatBp / 100).toString() })}</th>
            <td className="num" data-testid="total-vat">{money(totals.vatFen, locale)}</td>
          </tr>
          <tr className="totals-gross">
            <th>{t('field.gross')}</th>
            <td className="num" data-testid="total-gross">{money(totals.grossFen, locale)}</td>
          </tr>
          {payers.length > 1 &&
            payers.map((p) => (
              <tr key={p} className="totals-payer">
                <th>{t('estimate.payerGross', { payer: `payer.${p}` })}</th>
                <td className="num">{money(totals.byPayer[p].grossFen, locale)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </Card>
  )
}
