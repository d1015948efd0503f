import { PAYERS } from '../../../../../shared/domain/payer'
import { useLocale, useT } from '../../../i18n'
import { dateTime, km, milliToDecimal, money } from '../../../format'
import type { SettlementViewT } from '../../../stores/settlement-store'
import { PrintShell } from './PrintShell'
import { statementByPayer } from '../../../../../shared/domain/statement'
import { CustomerInvoices, OtherPayers, RepairWarrantyNote } from './StatementParts'
import { PrintSignatures } from '../../../components/PrintSignatures'

/** 结算单: the lines by payer, the customer's invoice and what the customer paid and owes, other payers apart. */
export function StatementPrint({ id }: { id: number }) {
  const t = useT()
  return (
    <PrintShell id={id} title={t('stl.print.statementTitle')}>
      {(view) => <Statement view={view} />}
    </PrintShell>
  )
}

function Statement({ view }: { view: SettlementViewT }) {
  const t = useT()
  const locale = useLocale()
  const { ro } = view
  // The statement is of the settlement that stands: reversed invoices and their refunds are history.
  const invoices = view.invoices.filter((i) => i.kind === 'invoice' && i.state === 'issued')
  const ids = new Set(invoices.map((i) => i.id))
  const payments = view.payments.filter((p) => ids.has(p.invoiceId) && p.reversalOf === null && p.amountFen > 0)
  const m = (fen: number) => money(fen, locale)
  const { customer } = statementByPayer(view.invoices)

  return (
    <>
      <table className="print-grid">
        <tbody>
          <tr>
            <th>{t('field.customer')}</th>
            <td>{ro.customerName}</td>
            <th>{t('field.mobile')}</th>
            <td>{ro.customerMobile ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('field.plate')}</th>
            <td>{ro.plate ?? '—'}</td>
            <th>{t('field.vin')}</th>
            <td className="mono">{ro.vin}</td>
          </tr>
          <tr>
            <th>{t('field.model')}</th>
            <td>{ro.model}</td>
            <th>{t('field.odometerKm')}</th>
            <td>{km(ro.odometerKm, locale)}</td>
          </tr>
          <tr>
            <th>{t('field.type')}</th>
            <td>{t(`roType.${ro.type}`)}</td>
            <th>{t('field.advisorId')}</th>
            <td>{ro.advisorName}</td>
          </tr>
          <tr>
            <th>{t('field.openedAt')}</th>
            <td>{dateTime(ro.openedAt)}</td>
            <th>{t('stl.settledAt')}</th>
            <td>{dateTime(ro.settledAt)}</td>
          </tr>
        </tbody>
      </table>
      <section>
        <h2>{t('field.lines')}</h2>
        <table className="print-lines">
          <thead>
            <tr>
              <th>{t('field.description')}</th>
              <th className="num">{t('estimate.quantity')}</th>
              <th className="num">{t('estimate.unitPrice')}</th>
              <th className="num">{t('estimate.amount')}</th>
              <th className="num">{t('stl.vatRate')}</th>
            </tr>
          </thead>
          {PAYERS.map((payer) => {
            const lines = view.lines.filter((l) => l.payer === payer)
            if (lines.length === 0) return null
            return (
              <tbody key={payer}>
                <tr className="print-group">
                  <td colSpan={5}>{t('stl.print.payerLines', { payer: `payer.${payer}` })}</td>
                </tr>
                {lines.map((l) => (
                  <tr key={l.position}>
                    <td>{l.description}</td>
                    <td className="num">
                      {milliToDecimal(l.quantityMilli)}
                      {l.kind === 'labour' ? ` ${t('estimate.hourUnit')}` : ''}
                    </td>
                    <td className="num">{m(l.unitPriceFen)}</td>
                    <td className="num">{m(l.amountFen)}</td>
                    <td className="num">{`${l.vatRateBp / 100}%`}</td>
                  </tr>
                ))}
              </tbody>
            )
          })}
        </table>
      </section>
      <CustomerInvoices view={view} />
      <OtherPayers view={view} />
      <section>
        <h2>{t('stl.pay.title')}</h2>
        {payments.length === 0 ? (
          <p>{t('stl.pay.none')}</p>
        ) : (
          <table className="print-lines">
            <thead>
              <tr>
                <th>{t('stl.payments.at')}</th>
                <th>{t('field.payer')}</th>
                <th>{t('stl.pay.method')}</th>
                <th>{t('field.reference')}</th>
                <th className="num">{t('field.amountFen')}</th>
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => (
                <tr key={p.id}>
                  <td>{dateTime(p.at)}</td>
                  <td>{t(`payer.${p.payer}`)}</td>
                  <td>{t(`paymentMethod.${p.method}`)}</td>
                  <td>{p.reference}</td>
                  <td className="num">{m(p.amountFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="print-small">{t('stl.print.statementNote', { owed: m(customer.balanceFen) })}</p>
        {view.partsOverride && (
          <p className="print-small print-override">
            {t('stl.print.partsOverride', { reason: view.partsOverride.reason, by: view.partsOverride.by, at: dateTime(view.partsOverride.at) })}
          </p>
        )}
      </section>
      <RepairWarrantyNote view={view} />
      <PrintSignatures spots={[{ label: t('print.customerSignature') }, { label: t('stl.print.cashier') }, { label: t('print.date') }]} />
    </>
  )
}
