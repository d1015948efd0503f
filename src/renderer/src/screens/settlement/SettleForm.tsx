import { useMemo, useState } from 'react'
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd'
import type { Payer } from '../../../../shared/domain/payer'
import { useLocale, useT } from '../../i18n'
import { fenToYuanText, money, yuanTextToFen } from '../../format'
import { useHotkeys } from '../../hotkeys'
import { DecimalInput } from '../../components/DecimalInput'
import { type SettlementViewT, useSettlementWrite } from '../../stores/settlement-store'
import { PaymentRows } from './PaymentRows'
import { SettleGatesNotice } from './SettleGatesNotice'
import { billedFromDrafts, firstPayment, followInvoices, settleModel, type PayerLine, type PaymentDraft } from './settle-model'
import { useCan } from '../../permissions'
import { PAYER_COLOUR } from './RoBill'
import { decimalFromCenti } from '../../../../shared/format/numbers'

const nonNegativeFen = (text: string) => {
  const fen = yuanTextToFen(text)
  return fen !== null && fen >= 0 ? fen : null
}
const percent = (bp: number) => decimalFromCenti(bp)

/** 结算 of a ready RO: discounts per payer within the cap, insurer details, payments; Ctrl+Enter settles. */
export function SettleForm({ view }: { view: SettlementViewT }) {
  const t = useT()
  const locale = useLocale()
  const { message } = App.useApp()
  const write = useSettlementWrite()
  const canSettle = useCan('settlement.settle')
  const canLarge = useCan('settlement.discount.large')
  const canOverride = useCan('settlement.partsOverride')
  const [discounts, setDiscounts] = useState<Partial<Record<Payer, number>>>({})
  const [payments, setPayments] = useState<PaymentDraft[]>(() => firstPayment(view.drafts))
  const [insurer, setInsurer] = useState('')
  const [claimNo, setClaimNo] = useState('')
  const [note, setNote] = useState('')
  const [overrideReason, setOverrideReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const lines = useMemo(() => billedFromDrafts(view.drafts), [view.drafts])
  const model = useMemo(() => settleModel(lines, discounts, payments, view.discountCapBp), [lines, discounts, payments, view.discountCapBp])
  const needsInsurance = model.lines.some((l) => l.payer === 'insurance')
  const refused = (l: PayerLine) => l.overCap && !canLarge
  // The host's gates: refused outright, or waived by someone allowed with a reason.
  const gates = view.settleGates.refusals
  const waiving = gates.length > 0 && gates.every((g) => g.waivable) && canOverride && overrideReason.trim().length >= 2
  const blocked =
    (gates.length > 0 && !waiving) ||
    model.lines.some((l) => l.tooLarge || refused(l) || l.overpaid) ||
    model.strayPayments > 0 ||
    (view.insuranceClaim !== null && !view.insuranceClaim.assessed) ||
    (needsInsurance && !view.insuranceClaim && (insurer.trim() === '' || claimNo.trim() === ''))

  const submit = async () => {
    if (busy || blocked || !canSettle) return
    setBusy(true)
    setError(null)
    const result = await write('settlement.settle', {
      roId: view.ro.id,
      version: view.ro.version,
      discounts: model.lines.filter((l) => l.draft.discountFen > 0).map((l) => ({ payer: l.payer, amountFen: l.draft.discountFen })),
      ...(needsInsurance && !view.insuranceClaim ? { insurance: { insurer: insurer.trim(), claimNo: claimNo.trim() } } : {}),
      payments: payments.filter((p) => p.amountFen > 0).map(({ payer, method, amountFen, reference }) => ({ payer, method, amountFen, reference: reference.trim() })),
      note: note.trim(),
      ...(waiving ? { partsOverride: { reason: overrideReason.trim() } } : {}),
    })
    setBusy(false)
    if (!result.ok) return setError(result.message)
    const done = t('stl.settledDone', { number: view.ro.number, open: money(model.openFen, locale) })
    void message.success(model.changeFen > 0 ? `${done}${t('stl.change.toast', { change: money(model.changeFen, locale) })}` : done)
  }
  useHotkeys({ 'Ctrl+Enter': () => void submit() })

  const discountProblem = (l: PayerLine): string | null => {
    const payer = `payer.${l.payer}`
    const discount = fenToYuanText(discounts[l.payer] ?? 0)
    if (l.tooLarge) return t('settlement.discountTooLarge', { payer, discount, gross: fenToYuanText(l.draft.grossBeforeFen) })
    if (refused(l)) return t('settlement.discountOverCap', { payer, discount, cap: percent(view.discountCapBp), limit: fenToYuanText(l.capFen) })
    return null
  }

  return (
    <Card size="small" className="stl-card stl-settle" title={t('stl.settle.title')} aria-label={t('stl.settle.title')}>
      <Table<PayerLine>
        size="small"
        rowKey="payer"
        pagination={false}
        dataSource={model.lines}
        aria-label={t('stl.settle.invoices')}
        columns={[
          { title: t('field.payer'), dataIndex: 'payer', width: 64, render: (p: Payer) => <Tag color={PAYER_COLOUR[p]}>{t(`payer.${p}`)}</Tag> },
          { title: t('stl.settle.before'), key: 'before', align: 'right', render: (_: unknown, l) => <span className="num">{money(l.draft.grossBeforeFen, locale)}</span> },
          {
            title: t('stl.settle.discount'),
            key: 'discount',
            width: 150,
            render: (_: unknown, l) => {
              const problem = discountProblem(l)
              return (
                <div>
                  <DecimalInput
                    value={discounts[l.payer] ?? 0}
                    toText={fenToYuanText}
                    parse={nonNegativeFen}
                    onCommit={(fen) => {
                      const next = { ...discounts, [l.payer]: fen }
                      setDiscounts(next)
                      setPayments((p) => followInvoices(p, settleModel(lines, next, p, view.discountCapBp)))
                    }}
                    ariaLabel={t('stl.settle.discountOf', { payer: `payer.${l.payer}` })}
                    className={problem ? 'num stl-bad' : 'num'}
                  />
                  <div className={problem ? 'stl-hint stl-hint-error' : 'stl-hint'} role={problem ? 'alert' : undefined}>
                    {problem ??
                      (l.overCap
                        ? t('stl.settle.overCapAllowed', { cap: percent(view.discountCapBp) })
                        : t('stl.settle.cap', { cap: percent(view.discountCapBp), limit: money(l.capFen, locale) }))}
                  </div>
                </div>
              )
            },
          },
          {
            title: t('stl.settle.invoice'),
            key: 'invoice',
            align: 'right',
            render: (_: unknown, l) => (
              <div className="num">
                <strong>{money(l.draft.grossFen, locale)}</strong>
                <div className="stl-hint">{t('stl.settle.netVat', { net: money(l.draft.netFen, locale), vat: money(l.draft.vatFen, locale) })}</div>
              </div>
            ),
          },
          { title: t('stl.settle.paidNow'), key: 'paid', align: 'right', render: (_: unknown, l) => <span className={l.overpaid ? 'num stl-owed' : 'num'}>{money(l.paidFen, locale)}</span> },
          {
            title: t('stl.settle.open'),
            key: 'open',
            align: 'right',
            render: (_: unknown, l) => <span className={l.openFen > 0 ? 'num stl-owed' : 'num'}>{money(l.openFen, locale)}</span>,
          },
        ]}
      />
      {view.insuranceClaim && (
        <Alert
          className="stl-gap"
          type={view.insuranceClaim.assessed ? 'info' : 'warning'}
          showIcon
          message={t(view.insuranceClaim.assessed ? 'ins.settle.fromClaim' : 'ins.settle.notAssessed', { insurer: view.insuranceClaim.insurer, claimNo: view.insuranceClaim.claimNo })}
        />
      )}
      {needsInsurance && !view.insuranceClaim && (
        <div className="stl-insurance" role="group" aria-label={t('field.insurance')}>
          <Typography.Text strong>{t('field.insurance')}</Typography.Text>
          <Input size="small" value={insurer} maxLength={60} onChange={(e) => setInsurer(e.target.value)} aria-label={t('field.insurer')} placeholder={t('field.insurer')} status={insurer.trim() ? undefined : 'warning'} />
          <Input size="small" value={claimNo} maxLength={40} onChange={(e) => setClaimNo(e.target.value)} aria-label={t('field.claimNo')} placeholder={t('field.claimNo')} status={claimNo.trim() ? undefined : 'warning'} />
        </div>
      )}
      <Typography.Title level={5} className="stl-subtitle">
        {t('stl.pay.title')}
      </Typography.Title>
      <PaymentRows payments={payments} payers={model.lines} onChange={setPayments} />
      <Input.TextArea
        className="stl-gap"
        rows={1}
        autoSize={{ minRows: 1, maxRows: 3 }}
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        aria-label={t('field.note')}
        placeholder={t('field.note')}
      />
      <SettleGatesNotice view={view} reason={overrideReason} onReason={setOverrideReason} />
      {error && <Alert type="error" showIcon title={error} className="stl-gap" role="alert" />}
      {model.strayPayments > 0 && <Alert type="warning" showIcon title={t('stl.pay.stray')} className="stl-gap" />}
      {model.lines.some((l) => l.overpaid) && <Alert type="warning" showIcon title={t('stl.pay.overpaidNonCash')} className="stl-gap" />}
      <div className="stl-settle-foot">
        <div className="stl-sum" aria-label={t('stl.settle.summary')}>
          <span>{t('stl.settle.sumGross', { amount: money(model.grossFen, locale) })}</span>
          {model.discountFen > 0 && <span>{t('stl.settle.sumDiscount', { amount: money(model.discountFen, locale) })}</span>}
          <span>{t('stl.settle.sumPaid', { amount: money(model.paidFen, locale) })}</span>
          <strong className={model.openFen > 0 ? 'stl-owed' : ''}>{t('stl.settle.sumOpen', { amount: money(model.openFen, locale) })}</strong>
          {model.changeFen > 0 && (
            <strong className="stl-change" role="status" aria-label={t('stl.change.label')}>
              {t('stl.change.line', { change: money(model.changeFen, locale) })}
            </strong>
          )}
        </div>
        <Space>
          <Typography.Text type="secondary" className="stl-keys">
            Ctrl+Enter
          </Typography.Text>
          <Button type="primary" onClick={() => void submit()} loading={busy} disabled={blocked || !canSettle}>
            {t('stl.settle.submit')}
          </Button>
        </Space>
      </div>
    </Card>
  )
}
