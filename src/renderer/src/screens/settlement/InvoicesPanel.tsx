import { useState } from 'react'
import { Button, Card, Table, Tag, Timeline } from 'antd'
import type { Payer } from '../../../../shared/domain/payer'
import { useLocale, useT } from '../../i18n'
import { dateTime, money } from '../../format'
import type { InvoiceT, PaymentT, SettlementViewT } from '../../stores/settlement-store'
import { PAYER_COLOUR } from './RoBill'
import { PayModal } from './PayModal'
import { useCan } from '../../permissions'

/** The invoices of a settled RO with what each payer has paid and still owes, the payments and the history. */
export function InvoicesPanel({ view }: { view: SettlementViewT }) {
  const t = useT()
  const locale = useLocale()
  const canPay = useCan('settlement.settle')
  const [paying, setPaying] = useState<InvoiceT | null>(null)
  const amount = (v: number) => <span className="num">{money(v, locale)}</span>

  return (
    <>
      <Card size="small" className="stl-card" title={t('stl.invoices.title')}>
        <Table<InvoiceT>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={view.invoices}
          aria-label={t('stl.invoices.title')}
          rowClassName={(i) => (i.state === 'reversed' || i.kind === 'credit' ? 'stl-void' : '')}
          className="stl-nowrap"
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('stl.invoiceNo'),
              dataIndex: 'number',
              render: (v: string, i) => (
                <span>
                  <span className="mono">{v}</span>
                  {i.kind === 'credit' && <Tag color="red" className="stl-tag">{t('invoiceKind.credit')}</Tag>}
                  {i.state === 'reversed' && <Tag className="stl-tag">{t('invoiceState.reversed')}</Tag>}
                </span>
              ),
            },
            {
              title: t('field.payer'),
              dataIndex: 'payer',
              width: 64,
              render: (p: Payer, i) => (
                <span>
                  <Tag color={PAYER_COLOUR[p]}>{t(`payer.${p}`)}</Tag>
                  {i.insurer && <div className="stl-hint">{t('stl.invoices.claim', { insurer: i.insurer, claimNo: i.claimNo ?? '' })}</div>}
                </span>
              ),
            },
            { title: t('stl.settle.discount'), dataIndex: 'discountFen', align: 'right', render: amount },
            { title: t('field.net'), dataIndex: 'netFen', align: 'right', render: amount },
            { title: t('stl.vat'), dataIndex: 'vatFen', align: 'right', render: amount },
            { title: t('field.gross'), dataIndex: 'grossFen', align: 'right', render: (v: number) => <strong className="num">{money(v, locale)}</strong> },
            { title: t('stl.paid'), dataIndex: 'paidFen', align: 'right', render: amount },
            {
              title: t('stl.balance'),
              dataIndex: 'balanceFen',
              align: 'right',
              render: (v: number) => <strong className={v > 0 ? 'num stl-owed' : 'num'}>{money(v, locale)}</strong>,
            },
            {
              key: 'pay',
              width: 64,
              render: (_: unknown, i) =>
                canPay && i.balanceFen > 0 ? (
                  <Button size="small" onClick={() => setPaying(i)} aria-label={t('stl.payLater.open', { number: i.number })}>
                    {t('stl.payLater.button')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card size="small" className="stl-card" title={t('stl.pay.title')}>
        <Table<PaymentT>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={view.payments}
          aria-label={t('stl.payments.title')}
          locale={{ emptyText: t('stl.pay.none') }}
          rowClassName={(p) => (p.reversalOf !== null ? 'stl-void' : '')}
          // Never squeeze a column to one character a line (after a reversal the list doubles): scroll instead.
          className="stl-nowrap"
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('stl.payments.at'), dataIndex: 'at', width: 130, render: (v: string) => dateTime(v) },
            { title: t('stl.invoiceNo'), dataIndex: 'invoiceNumber', render: (v: string) => <span className="mono">{v}</span> },
            { title: t('field.payer'), dataIndex: 'payer', render: (p: Payer) => t(`payer.${p}`) },
            { title: t('stl.pay.method'), dataIndex: 'method', render: (m: PaymentT['method']) => t(`paymentMethod.${m}`) },
            { title: t('field.amountFen'), dataIndex: 'amountFen', align: 'right', render: amount },
            {
              title: t('stl.change.column'),
              key: 'change',
              align: 'right',
              render: (_: unknown, p) =>
                p.tenderedFen !== null ? <span className="num">{t('stl.change.cell', { tendered: money(p.tenderedFen, locale), change: money(p.changeFen, locale) })}</span> : null,
            },
            { title: t('field.reference'), dataIndex: 'reference', width: 150, ellipsis: { showTitle: true } },
            { title: t('stl.payments.by'), dataIndex: 'userName' },
          ]}
        />
      </Card>
      {view.history.length > 0 && (
        <Card size="small" className="stl-card" title={t('stl.history.title')}>
          <Timeline
            className="stl-history"
            items={view.history.map((h) => ({
              color: h.kind === 'reversal' ? 'red' : 'blue',
              content: (
                <span>
                  {t('stl.history.line', { kind: `settlementKind.${h.kind}`, at: dateTime(h.at), by: h.userName })}
                  {h.reason && <span className="stl-reason">{t('stl.history.reason', { reason: h.reason })}</span>}
                  {h.note && <span className="muted"> — {h.note}</span>}
                </span>
              ),
            }))}
          />
        </Card>
      )}
      {paying && <PayModal invoice={paying} onClose={() => setPaying(null)} />}
    </>
  )
}
