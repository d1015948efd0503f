import { Alert, Input, Table, Typography } from 'antd'
import { useT } from '../../i18n'
import { milliToDecimal } from '../../format'
import type { SettlementViewT } from '../../stores/settlement-store'
import { useCan } from '../../permissions'

type Outstanding = SettlementViewT['settleGates']['outstandingParts'][number]

/**
 * What stands between the RO and settlement, shown before the cashier presses settle: the host's
 * own refusals and the part lines still to issue. Someone allowed to waive unissued parts gives
 * the reason here; it is printed on the statement.
 */
export function SettleGatesNotice({ view, reason, onReason }: { view: SettlementViewT; reason: string; onReason: (text: string) => void }) {
  const t = useT()
  const canOverride = useCan('settlement.partsOverride')
  const { refusals, outstandingParts } = view.settleGates
  if (refusals.length === 0) return null
  const waivable = refusals.every((r) => r.waivable)
  return (
    <Alert
      type={waivable && canOverride && reason.trim().length >= 2 ? 'warning' : 'error'}
      showIcon
      className="stl-gap stl-gates"
      role="alert"
      aria-label={t('stl.gates.title')}
      title={t('stl.gates.title')}
      description={
        <div>
          <ul className="stl-gates-list">
            {refusals.map((r) => (
              <li key={r.gate}>{r.message}</li>
            ))}
          </ul>
          {outstandingParts.length > 0 && (
            <Table<Outstanding>
              size="small"
              rowKey="partId"
              pagination={false}
              dataSource={outstandingParts}
              aria-label={t('stl.gates.parts')}
              columns={[
                { title: t('stl.gates.partNumber'), dataIndex: 'partNumber', render: (v: string) => <span className="mono">{v}</span> },
                { title: t('stl.gates.partName'), dataIndex: 'name' },
                { title: t('stl.gates.requested'), dataIndex: 'requestedMilli', align: 'right', render: (v: number) => <span className="num">{milliToDecimal(v)}</span> },
                { title: t('stl.gates.issued'), dataIndex: 'issuedMilli', align: 'right', render: (v: number) => <span className="num">{milliToDecimal(v)}</span> },
                {
                  title: t('stl.gates.outstanding'),
                  key: 'outstanding',
                  align: 'right',
                  render: (_: unknown, p) => <strong className="num stl-owed">{milliToDecimal(p.requestedMilli - p.issuedMilli)}</strong>,
                },
              ]}
            />
          )}
          {waivable && canOverride && (
            <div className="stl-gap">
              <Typography.Text>{t('stl.gates.overrideHint')}</Typography.Text>
              <Input.TextArea
                rows={1}
                autoSize={{ minRows: 1, maxRows: 3 }}
                maxLength={200}
                value={reason}
                onChange={(e) => onReason(e.target.value)}
                aria-label={t('stl.gates.overrideReason')}
                placeholder={t('stl.gates.overrideReason')}
              />
            </div>
          )}
          {waivable && !canOverride && <Typography.Text type="secondary">{t('stl.gates.whoOverrides')}</Typography.Text>}
        </div>
      }
    />
  )
}
