import { useEffect } from 'react'
import type { LiveEvent } from '../../../../shared/contract'
import type { Stores } from '../../stores/context'
import type { SessionStore } from '../../stores/session-store'

/** Routes each committed change to the stores showing that kind of record. */
export function dispatchLiveEvent(stores: Stores, event: LiveEvent): void {
  const id = typeof event.id === 'number' ? event.id : undefined
  const [area = ''] = event.type.split('.')
  if (area === 'ro') stores.ro.getState().changed(id)
  if (area === 'appointment' || area === 'appointments' || area === 'ro') stores.appointments.getState().changed()
  const detail = stores.reception.getState().detail
  if (!detail) return
  const concernsDetail =
    area === 'ro' ||
    (area === 'vehicle' && id === detail.vehicle.id) ||
    (area === 'customer' && id === detail.owner.id)
  if (concernsDetail) void stores.reception.getState().loadVehicle(detail.vehicle.id)
}

export function useLiveEvents(stores: Stores, session: SessionStore): void {
  useEffect(() => {
    session.getState().setLive('connecting')
    return stores.api.subscribe(
      (event) => dispatchLiveEvent(stores, event),
      (connected) => session.getState().setLive(connected ? 'connected' : 'stale'),
    )
  }, [stores, session])
}
