import { useLocale, useT } from '../../../i18n'
import { dateOnly, km, money } from '../../../format'
import { statementByPayer } from '../../../../../shared/domain/statement'
import type { SettlementViewT } from '../../../stores/settlement-store'

// Parts of the customer's statement: the customer's own invoice with paid and owed; the other
// payers' invoices listed apart, never as the customer's debt; the repair-warranty period.

type InvoiceT = SettlementViewT['invoices'][number]
const standing = (view: SettlementViewT) => view.invoices.filter((i) => i.kind === 'invoice' && i.state === 'issued')

function InvoiceRows({ rows, owedColumn }: { rows: InvoiceT[]; owedColumn: boolean }) {
  const t = useT()
  const locale = useLocale()
  const m = (fen: number) => money(fen, locale)
  return (
    <tbody>
      {rows.map((i) => (
        <tr key={i.id}>
          <td className="mono">{i.number}</td>
          <td>
            {t(`payer.${i.payer}`)}
            {i.insurer && <div className="print-small">{t('stl.invoices.claim', { insurer: i.insurer, claimNo: i.claimNo ?? '' })}</div>}
          </td>
          <td className="num">{m(i.netFen)}</td>
          <td className="num">{m(i.vatFen)}</td>
          <td className="num">{m(i.discountFen)}</td>
          <td className="num">{m(i.grossFen)}</td>
          {owedColumn && <td className="num">{m(i.paidFen)}</td>}
          {owedColumn && <td className="num">{m(i.balanceFen)}</td>}
        </tr>
      ))}
    </tbody>
  )
}

function Head({ owedColumn }: { owedColumn: boolean }) {
  const t = useT()
  return (
    <thead>
      <tr>
        <th>{t('stl.invoiceNo')}</th>
        <th>{t('field.payer')}</th>
        <th className="num">{t('field.net')}</th>
        <th className="num">{t('stl.vat')}</th>
        <th className="num">{t('stl.settle.discount')}</th>
        <th className="num">{t('field.gross')}</th>
        {owedColumn && <th className="num">{t('stl.paid')}</th>}
        {owedColumn && <th className="num">{t('stl.print.customerOwes')}</th>}
      </tr>
    </thead>
  )
}

/** The customer's own invoice: what it comes to, what the customer paid, what the customer still owes. */
export function CustomerInvoices({ view }: { view: SettlementViewT }) {
  const t = useT()
  const locale = useLocale()
  const rows = standing(view).filter((i) => i.payer === 'customer')
  const { customer } = statementByPayer(view.invoices)
  return (
    <section aria-label={t('stl.print.customerPart')}>
      <h2>{t('stl.print.customerPart')}</h2>
      {rows.length === 0 ? (
        <p>{t('stl.print.customerNothing')}</p>
      ) : (
        <table className="print-lines">
          <Head owedColumn />
          <InvoiceRows rows={rows} owedColumn />
          <tfoot>
            <tr className="print-gross">
              <td colSpan={5}>{t('stl.print.customerTotal')}</td>
              <td className="num">{money(customer.grossFen, locale)}</td>
              <td className="num">{money(customer.paidFen, locale)}</td>
              <td className="num">{money(customer.balanceFen, locale)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  )
}

/** Warranty, insurer, internal and campaign invoices: settled by those payers, not by the customer. */
export function OtherPayers({ view }: { view: SettlementViewT }) {
  const t = useT()
  const rows = standing(view).filter((i) => i.payer !== 'customer')
  if (rows.length === 0) return null
  return (
    <section aria-label={t('stl.print.otherPayers')}>
      <h2>{t('stl.print.otherPayers')}</h2>
      <table className="print-lines">
        <Head owedColumn={false} />
        <InvoiceRows rows={rows} owedColumn={false} />
      </table>
      <p className="print-small">{t('stl.print.otherPayersNote')}</p>
    </section>
  )
}

/** 维修质量保证期 of the RO's type, counted from delivery (or settlement) and the odometer at check-in. */
export function RepairWarrantyNote({ view }: { view: SettlementViewT }) {
  const t = useT()
  const locale = useLocale()
  const w = view.repairWarranty
  return (
    <section aria-label={t('stl.print.repairWarranty')}>
      <h2>{t('stl.print.repairWarranty')}</h2>
      <p>
        {t('stl.print.repairWarrantyTerms', { days: w.days, km: km(w.km, locale) })}
        {w.untilDate && t('stl.print.repairWarrantyUntil', { date: dateOnly(w.untilDate), km: km(w.untilKm, locale) })}
      </p>
    </section>
  )
}
