import { PAYERS } from '../../../../../shared/domain/payer'
import { useLocale, useSessionStore, useT } from '../../../i18n'
import { milliToDecimal, money } from '../../../format'
import type { RoDetailT } from '../../../stores/types'
import { useStore } from 'zustand'

/** Labour, then parts, then totals overall and per payer, as saved on the RO. */
export function PrintLines({ ro }: { ro: RoDetailT }) {
  const t = useT()
  const locale = useLocale()
  const vatBp = useStore(useSessionStore(), (s) => s.settings?.vatRateBp ?? 1300)
  const payers = PAYERS.filter((p) => (ro.totals.byPayer[p]?.grossFen ?? 0) !== 0)
  const groups = (['labour', 'part'] as const).map((kind) => ({ kind, lines: ro.lines.filter((l) => l.kind === kind) }))

  return (
    <section>
      <h2>{t('estimate.title')}</h2>
      <table className="print-lines">
        <thead>
          <tr>
            <th>{t('estimate.code')}</th>
            <th>{t('field.description')}</th>
            <th className="num">{t('estimate.quantity')}</th>
            <th className="num">{t('estimate.unitPrice')}</th>
            <th>{t('field.payer')}</th>
            <th className="num">{t('estimate.amount')}</th>
          </tr>
        </thead>
        {groups.map(
          ({ kind, lines }) =>
            lines.length > 0 && (
              <tbody key={kind}>
                <tr className="print-group">
                  <td colSpan={6}>{t(`estimate.group.${kind}`)}</td>
                </tr>
                {lines.map((l) => (
                  <tr key={l.id}>
                    <td className="mono">{l.opCode ?? l.partNumber ?? ''}</td>
                    <td>{l.description}</td>
                    <td className="num">
                      {milliToDecimal(l.quantityMilli)}
                      {kind === 'labour' ? ` ${t('estimate.hourUnit')}` : ''}
                    </td>
                    <td className="num">{money(l.unitPriceFen, locale)}</td>
                    <td>{t(`payer.${l.payer}`)}</td>
                    <td className="num">{money(l.amountFen, locale)}</td>
                  </tr>
                ))}
              </tbody>
            ),
        )}
        <tfoot>
          <tr>
            <td colSpan={5}>{t('field.net')}</td>
            <td className="num">{money(ro.totals.netFen, locale)}</td>
          </tr>
          <tr>
            <td colSpan={5}>{t('estimate.vat', { rate: (vatBp / 100).toString() })}</td>
            <td className="num">{money(ro.totals.vatFen, locale)}</td>
          </tr>
          <tr className="print-gross">
            <td colSpan={5}>{t('field.gross')}</td>
            <td className="num">{money(ro.totals.grossFen, locale)}</td>
          </tr>
          {payers.length > 1 &&
            payers.map((p) => (
              <tr key={p}>
                <td colSpan={5}>{t('estimate.payerGross', { payer: `payer.${p}` })}</td>
                <td className="num">{money(ro.totals.byPayer[p]?.grossFen ?? 0, locale)}</td>
              </tr>
            ))}
        </tfoot>
      </table>
    </section>
  )
}
