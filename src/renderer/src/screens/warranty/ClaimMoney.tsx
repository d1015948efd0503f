import { Card, Descriptions } from 'antd'
import { useLocale, useT } from '../../i18n'
import { money } from '../../format'
import type { ClaimT } from './ClaimEditor'

/** The claim in the settlement ledger: the RO's warranty invoice, this claim's share, paid, difference. */
export function ClaimMoney({ claim }: { claim: ClaimT }) {
  const t = useT()
  const locale = useLocale()
  const m = claim.money
  return (
    <Card size="small" title={t('wty.money.title')}>
      {m.invoice ? (
        <Descriptions size="small" column={1} title={t('wty.money.invoice', { number: m.invoice.number, gross: money(m.invoice.grossFen, locale), balance: money(m.invoice.balanceFen, locale) })}>
          <Descriptions.Item label={t('wty.money.claimed')}>{m.claimedFen === null ? '—' : money(m.claimedFen, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('wty.money.paid')}>{m.paidFen === null ? '—' : money(m.paidFen, locale)}</Descriptions.Item>
          {m.writtenOffFen > 0 && (
            <Descriptions.Item label={t('wty.money.writtenOff')}>
              {money(m.writtenOffFen, locale)} · {m.disposition ? t(`warranty.disposition.${m.disposition}`) : ''} · {m.differenceReason}
            </Descriptions.Item>
          )}
          {m.recharge && (
            <Descriptions.Item label={t(`wty.money.recharge.${m.recharge.payer}`)}>
              {t('wty.money.rechargeInvoice', { number: m.recharge.number, gross: money(m.recharge.grossFen, locale), balance: money(m.recharge.balanceFen, locale) })}
            </Descriptions.Item>
          )}
        </Descriptions>
      ) : (
        <span className="wty-muted">{t('wty.money.notInvoiced')}</span>
      )}
    </Card>
  )
}
