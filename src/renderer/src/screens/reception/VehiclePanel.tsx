import { useState } from 'react'
import { Alert, Button, Skeleton, Space, Tag, Typography } from 'antd'
import { isOpen } from '../../../../shared/domain/ro-state'
import { useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { useHotkeys } from '../../hotkeys'
import { navigate } from '../../router'
import { VehicleCard } from './VehicleCard'
import { OwnerCard } from './OwnerCard'
import { CoverageCard } from './CoverageCard'
import { VisitHistory } from './VisitHistory'
import { EditVehicleModal } from './EditVehicleModal'
import { ChangeOwnerModal } from './ChangeOwnerModal'
import { BookAppointmentModal } from '../appointments/BookAppointmentModal'
import { DeclinedWorkNotice } from '../workshop/DeclinedWorkNotice'
import { useCan } from '../../permissions'

type Dialog = 'edit' | 'owner' | 'book' | null

export function VehiclePanel({ vehicleId }: { vehicleId: number }) {
  const t = useT()
  const { data: detail, error } = useApiQuery('vehicles.get', { id: vehicleId })
  const canWriteRo = useCan('ro.write')
  const canEdit = useCan('customers.write')
  const canBook = useCan('appointments.write')
  const [dialog, setDialog] = useState<Dialog>(null)

  const openRo = detail?.repairOrders.find((ro) => isOpen(ro.state)) ?? null
  const checkIn = () => navigate({ name: 'checkIn', vehicleId })
  useHotkeys({ 'Alt+C': () => canWriteRo && !openRo && checkIn() })

  if (error && !detail) return <Alert type="error" showIcon title={error.message} />
  if (!detail || detail.vehicle.id !== vehicleId) return <Skeleton active />
  const { vehicle, owner } = detail

  return (
    <div className="vehicle-panel" aria-label={t('desk.vehiclePanel')}>
      <div className="panel-head">
        <Typography.Title level={4} className="panel-title">
          <span className={vehicle.energy === 'new_energy' ? 'plate plate-green' : 'plate'}>{vehicle.plate ?? t('desk.noPlate')}</span>
          <span>
            {vehicle.make} {vehicle.model}
          </span>
          <Tag>{owner.name}</Tag>
        </Typography.Title>
        <Space wrap>
          {canWriteRo && (
            <Button type="primary" onClick={checkIn} disabled={Boolean(openRo)} title="Alt+C">
              {t('desk.checkIn')}
            </Button>
          )}
          {canBook && <Button onClick={() => setDialog('book')}>{t('desk.book')}</Button>}
          {canEdit && <Button onClick={() => setDialog('owner')}>{t('desk.changeOwner')}</Button>}
          {canEdit && <Button onClick={() => setDialog('edit')}>{t('desk.edit')}</Button>}
        </Space>
      </div>
      {openRo && (
        <Alert
          type="info"
          showIcon
          className="open-ro"
          title={t('desk.openRo', { number: openRo.number, state: `roState.${openRo.state}` })}
          action={
            <Button size="small" type="primary" onClick={() => navigate({ name: 'ro', id: openRo.id })}>
              {t('desk.openRoButton')}
            </Button>
          }
        />
      )}
      <DeclinedWorkNotice vehicleId={vehicle.id} openRoId={openRo?.id ?? null} />
      <div className="card-row">
        <VehicleCard vehicle={vehicle} />
        <OwnerCard owner={owner} canEdit={canEdit} />
        <CoverageCard vehicleId={vehicle.id} />
      </div>
      <VisitHistory detail={detail} />
      {dialog === 'edit' && <EditVehicleModal vehicle={vehicle} onClose={() => setDialog(null)} />}
      {dialog === 'owner' && <ChangeOwnerModal vehicle={vehicle} owner={owner} onClose={() => setDialog(null)} />}
      {dialog === 'book' && (
        <BookAppointmentModal
          vehicle={{ id: vehicle.id, label: `${vehicle.plate ?? vehicle.vin} · ${owner.name}` }}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  )
}
