import { Alert, Button, Col, Result, Row, Skeleton, Space, Tag, Typography } from 'antd'
import { ArrowLeftOutlined } from '@ant-design/icons'
import { useLocale, useT } from '../../i18n'
import { dateTime, money } from '../../format'
import { useHotkeys } from '../../hotkeys'
import { navigate } from '../../router'
import { Forbidden } from '../shell/Forbidden'
import { stateColour } from '../ro/state-colour'
import { RoBill } from './RoBill'
import { SettleForm } from './SettleForm'
import { InvoicesPanel } from './InvoicesPanel'
import { SettledActions } from './SettledActions'
import { StaleBanner } from './SettlementScreen'
import { useCan } from '../../permissions'
import './settlement.css'
import { DocumentActivity } from '../../components/DocumentActivity'
import { useSettlementView } from '../../stores/settlement-store'

/** One RO at the cashier: settle it when ready; afterwards its invoices, payments, delivery and reversal. */
export function SettleRoScreen({ id }: { id: number }) {
  const t = useT()
  const locale = useLocale()
  const canRead = useCan('settlement.read')
  const { view, error } = useSettlementView(id, canRead)
  const back = () => navigate({ name: 'settlement', tab: view?.ro.state === 'settled' ? 'settled' : undefined })
  useHotkeys({ Escape: () => back() })

  if (!canRead) return <Forbidden />
  if (error && !view) return <Result status="warning" title={error} extra={<Button onClick={back}>{t('stl.back')}</Button>} />
  if (!view) return <Skeleton active />
  const { ro } = view
  const ready = ro.state === 'ready'
  const notYet = !ready && ro.state !== 'settled' && ro.state !== 'delivered'

  return (
    <div className="stl-screen">
      <StaleBanner />
      <div className="stl-head">
        <Space align="center" wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('stl.back')}>
            {t('stl.back')}
          </Button>
          <Typography.Title level={4} className="stl-title">
            <span className="mono">{ro.number}</span> {ro.plate && <span className="plate plate-sm">{ro.plate}</span>}
          </Typography.Title>
          <span aria-label={t('field.state')}>
            <Tag color={stateColour(ro.state)}>{t(`roState.${ro.state}`)}</Tag>
          </span>
          <Typography.Text type="secondary">{t('stl.ro.gross', { gross: money(ro.grossFen, locale) })}</Typography.Text>
        </Space>
        <SettledActions view={view} />
      </div>
      {ro.state === 'settled' && <Alert type="info" showIcon className="stl-gap" title={t('stl.locked', { at: dateTime(ro.settledAt) })} />}
      {ro.state === 'delivered' && view.gatePass && (
        <Alert
          type="success"
          showIcon
          className="stl-gap"
          title={t('stl.closed', { number: view.gatePass.number, at: dateTime(view.gatePass.deliveredAt) })}
          description={view.gatePass.onCredit ? t('stl.closedOnCredit', { amount: money(view.gatePass.outstandingFen, locale) }) : undefined}
        />
      )}
      {notYet && <Alert type="warning" showIcon className="stl-gap" title={t('settlement.roNotReady', { number: ro.number, state: `roState.${ro.state}` })} />}
      <Row gutter={12}>
        <Col xs={24} xl={ready ? 11 : 9}>
          <RoBill view={view} />
        </Col>
        <Col xs={24} xl={ready ? 13 : 15}>
          {ready && <SettleForm view={view} key={`${ro.id}:${ro.version}`} />}
          {!ready && view.invoices.length > 0 && <InvoicesPanel view={view} />}
        </Col>
      </Row>
      {/* After a reversal the order is ready again: its invoice and payment history get the full width. */}
      {ready && view.invoices.length > 0 && <InvoicesPanel view={view} />}
      <DocumentActivity kind="settlement" id={ro.id} />
    </div>
  )
}
