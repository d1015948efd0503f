import { Result } from 'antd'
import { useLocale, useT } from '../../../i18n'
import { dateTime, money } from '../../../format'
import type { SettlementViewT } from '../../../stores/settlement-store'
import { PrintShell } from './PrintShell'
import { PrintSignatures } from '../../../components/PrintSignatures'

/** 出门证: the guard at the gate lets this car out; it exists only once the RO is delivered. */
export function GatePassPrint({ id }: { id: number }) {
  const t = useT()
  return (
    <PrintShell id={id} title={t('stl.print.gatePassTitle')} numberOf={(v) => v.gatePass?.number ?? v.ro.number} sheet="a5">
      {(view) => <GatePass view={view} />}
    </PrintShell>
  )
}

function GatePass({ view }: { view: SettlementViewT }) {
  const t = useT()
  const locale = useLocale()
  const { ro, gatePass } = view
  if (!gatePass) return <Result status="warning" title={t('stl.print.noGatePass', { state: `roState.${ro.state}` })} />
  return (
    <div className="stl-gate-pass">
      <table className="print-grid stl-gate-grid">
        <tbody>
          <tr>
            <th>{t('field.plate')}</th>
            <td className="stl-gate-plate">{ro.plate ?? '—'}</td>
            <th>{t('field.model')}</th>
            <td>{ro.model}</td>
          </tr>
          <tr>
            <th>{t('field.vin')}</th>
            <td className="mono">{ro.vin}</td>
            <th>{t('field.roNumber')}</th>
            <td className="mono">{ro.number}</td>
          </tr>
          <tr>
            <th>{t('field.customer')}</th>
            <td>{ro.customerName}</td>
            <th>{t('field.advisorId')}</th>
            <td>{ro.advisorName}</td>
          </tr>
          <tr>
            <th>{t('stl.settledAt')}</th>
            <td>{dateTime(ro.settledAt)}</td>
            <th>{t('stl.deliveredAt')}</th>
            <td>{dateTime(gatePass.deliveredAt)}</td>
          </tr>
        </tbody>
      </table>
      <p className="stl-gate-note">
        {gatePass.onCredit ? t('stl.print.gateOnCredit', { amount: money(gatePass.outstandingFen, locale) }) : t('stl.print.gatePaid')}
      </p>
      <p className="print-small">{t('stl.print.gateRule')}</p>
      <PrintSignatures spots={[{ label: t('stl.print.cashier') }, { label: t('stl.print.guard') }, { label: t('stl.print.leftAt') }]} />
    </div>
  )
}
