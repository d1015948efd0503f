import { Button, Descriptions, Space, Tag, Typography } from 'antd'
import { useLocale, useT } from '../../i18n'
import { dateTime, km } from '../../format'
import { navigate } from '../../router'
import type { RoDetailT } from '../../stores/types'
import { stateColour } from './state-colour'
import { RoCampaignField } from './RoCampaignField'

export function RoHeader({ ro, dirty }: { ro: RoDetailT; dirty: boolean }) {
  const t = useT()
  const locale = useLocale()
  const { vehicle, customer } = ro
  return (
    <div className="ro-header">
      <div className="panel-head">
        <Typography.Title level={4} className="panel-title">
          <span aria-label={t('field.roNumber')}>{ro.number}</span>
          <Tag color={stateColour(ro.state)}>{t(`roState.${ro.state}`)}</Tag>
          <Tag>{t(`roType.${ro.type}`)}</Tag>
          {dirty && <Tag color="orange">{t('estimate.unsaved')}</Tag>}
        </Typography.Title>
        <Space>
          <Button onClick={() => navigate({ name: 'reception', vehicleId: vehicle.id })}>{t('roView.toVehicle')}</Button>
          <Button onClick={() => navigate({ name: 'roPrint', id: ro.id })} title="Ctrl+P">
            {t('roView.printPreview')}
          </Button>
        </Space>
      </div>
      <Descriptions
        size="small"
        bordered
        column={4}
        items={[
          { key: 'customer', label: t('field.customer'), children: `${customer.name} ${customer.mobile ?? ''}` },
          {
            key: 'vehicle',
            label: t('field.vehicleId'),
            children: (
              <span>
                {vehicle.plate ?? '—'} · {vehicle.make} {vehicle.model}
              </span>
            ),
          },
          { key: 'vin', label: t('field.vin'), children: <span className="mono">{vehicle.vin}</span> },
          { key: 'advisor', label: t('field.advisorId'), children: ro.advisor.name },
          { key: 'opened', label: t('field.openedAt'), children: dateTime(ro.openedAt) },
          { key: 'promised', label: t('field.promisedAt'), children: dateTime(ro.promisedAt) },
          { key: 'odometer', label: t('field.odometerKm'), children: km(ro.odometerKm, locale) },
          { key: 'fuel', label: t('field.fuelEighths'), children: t('checkIn.fuelValue', { n: ro.fuelEighths }) },
          { key: 'campaign', label: t('campaign.onRo'), children: <RoCampaignField roId={ro.id} /> },
        ]}
      />
    </div>
  )
}
