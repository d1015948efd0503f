import { useState } from 'react'
import { Alert, App, Button, Input, Modal, Space, Tooltip } from 'antd'
import { PrinterOutlined } from '@ant-design/icons'
import { useLocale, useT } from '../../i18n'
import { fenToYuanText, money } from '../../format'
import { useHotkeys } from '../../hotkeys'
import { navigate } from '../../router'
import type { Envelope } from '../../../../shared/contract'
import { type SettlementViewT, useSettlementWrite } from '../../stores/settlement-store'
import { useCan } from '../../permissions'

/** What follows a settlement: print the statement, deliver (gate pass), or reverse with a reason. */
export function SettledActions({ view }: { view: SettlementViewT }) {
  const t = useT()
  const locale = useLocale()
  const { message } = App.useApp()
  const write = useSettlementWrite()
  const can = { settle: useCan('settlement.settle'), reverse: useCan('settlement.reverse'), credit: useCan('settlement.credit') }
  const [dialog, setDialog] = useState<'deliver' | 'reverse' | null>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { ro } = view
  const settled = ro.state === 'settled'
  const delivered = ro.state === 'delivered'
  const owed = view.customerBalanceFen
  const printable = settled || delivered

  useHotkeys({ 'Ctrl+P': () => printable && navigate({ name: 'statement', id: ro.id }) })

  const close = () => {
    setDialog(null)
    setError(null)
    setReason('')
  }
  const run = async (action: () => Promise<Envelope<SettlementViewT>>, done: string) => {
    setBusy(true)
    setError(null)
    const result = await action()
    setBusy(false)
    if (!result.ok) return setError(result.message)
    void message.success(done)
    close()
  }
  const deliver = () =>
    run(() => write('settlement.deliver', { roId: ro.id, version: ro.version, onCredit: owed > 0 }), t('stl.deliver.done', { number: ro.number }))
  const reverse = () =>
    run(() => write('settlement.reverse', { roId: ro.id, version: ro.version, reason: reason.trim() }), t('stl.reverse.done', { number: ro.number }))

  const deliverBlocked = owed > 0 && !can.credit
  const deliverButton = (
    <Button type="primary" disabled={deliverBlocked} onClick={() => setDialog('deliver')}>
      {t('stl.deliver.button')}
    </Button>
  )

  return (
    <Space wrap>
      {printable && (
        <Button icon={<PrinterOutlined />} onClick={() => navigate({ name: 'statement', id: ro.id })}>
          {t('stl.print.statement')}
        </Button>
      )}
      {delivered && view.gatePass && (
        <Button icon={<PrinterOutlined />} onClick={() => navigate({ name: 'gatePass', id: ro.id })}>
          {t('stl.print.gatePass')}
        </Button>
      )}
      {settled && can.reverse && (
        <Button danger onClick={() => setDialog('reverse')}>
          {t('stl.reverse.button')}
        </Button>
      )}
      {settled && can.settle && (deliverBlocked ? <Tooltip title={t('settlement.customerUnpaid', { balance: fenToYuanText(owed) })}>{deliverButton}</Tooltip> : deliverButton)}

      <Modal
        open={dialog === 'deliver'}
        title={t('stl.deliver.title', { number: ro.number, plate: ro.plate ?? '' })}
        onCancel={close}
        onOk={() => void deliver()}
        okText={t(owed > 0 ? 'stl.deliver.onCredit' : 'stl.deliver.submit')}
        okButtonProps={{ danger: owed > 0 }}
        confirmLoading={busy}
      >
        <p>{owed > 0 ? t('stl.deliver.creditWarning', { amount: money(owed, locale) }) : t('stl.deliver.confirm')}</p>
        {view.balanceFen > owed && <p className="muted">{t('stl.deliver.othersOpen', { amount: money(view.balanceFen - owed, locale) })}</p>}
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Modal>

      <Modal
        open={dialog === 'reverse'}
        title={t('stl.reverse.title', { number: ro.number })}
        onCancel={close}
        onOk={() => void reverse()}
        okText={t('stl.reverse.submit')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        confirmLoading={busy}
      >
        <p>{t('stl.reverse.explain')}</p>
        <Input.TextArea
          autoFocus
          rows={3}
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-label={t('field.reason')}
          placeholder={t('stl.reverse.reasonHint')}
        />
        {error && <Alert type="error" showIcon title={error} role="alert" className="stl-gap" />}
      </Modal>
    </Space>
  )
}
