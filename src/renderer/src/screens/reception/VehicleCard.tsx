import { Card, Descriptions } from 'antd'
import { useLocale, useT } from '../../i18n'
import { dateOnly, km } from '../../format'
import type { VehicleT } from '../../stores/types'

export function VehicleCard({ vehicle }: { vehicle: VehicleT }) {
  const t = useT()
  const locale = useLocale()
  return (
    <Card size="small" title={t('desk.vehicleCard')} className="info-card">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'vin', label: t('field.vin'), children: <span className="mono">{vehicle.vin}</span> },
          { key: 'plate', label: t('field.plate'), children: vehicle.plate ?? '—' },
          { key: 'model', label: t('field.model'), children: `${vehicle.make} ${vehicle.model}${vehicle.modelYear ? ` (${vehicle.modelYear})` : ''}` },
          { key: 'energy', label: t('field.energy'), children: t(`desk.energy.${vehicle.energy}`) },
          { key: 'colour', label: t('field.colour'), children: vehicle.colour ?? '—' },
          { key: 'odometer', label: t('field.odometerKm'), children: km(vehicle.odometerKm, locale) },
          { key: 'engineNo', label: t('field.engineNo'), children: vehicle.engineNo ?? '—' },
          { key: 'firstRegisteredOn', label: t('field.firstRegisteredOn'), children: dateOnly(vehicle.firstRegisteredOn) },
        ]}
      />
    </Card>
  )
}
