import type { receptionContract } from '../../shared/contract/reception'
import type { HandlersFor } from '../api/dispatch'
import type { LineHooks } from '../repair-order/line-check'
import { countReception, findReception, searchReception } from './search'
import { createCustomer, getCustomer, updateCustomer } from './customers'
import { changeOwner, registerVehicle, updateVehicle } from './vehicles'
import { getVehicle } from './vehicle-detail'
import { correctOdometer } from './odometer'
import { appointmentsOfDay, bookAppointment, setAppointmentStatus } from './appointments'
import { checkIn } from './check-in'
import { getRoDetail } from './ro-detail'
import { listRepairOrders } from './ro-list'
import { updateHeader } from './ro-header'
import { saveLines } from './ro-lines'
import { authorise } from './ro-authorise'
import { cancelRo } from './ro-cancel'
import { searchLabour, searchParts } from './catalog'

/**
 * The reception desk's channels (前台接待). Write handlers are synchronous: they run in the
 * dispatcher's transaction. `hooks` judge lines before they are saved (handed in by the registry).
 */
export const receptionHandlers = (hooks: LineHooks): HandlersFor<typeof receptionContract> => ({
  'reception.search': searchReception,
  'reception.find': findReception,
  'reception.count': (ctx, input) => countReception(ctx, input.q),
  'customers.get': getCustomer,
  'customers.create': createCustomer,
  'customers.update': updateCustomer,
  'vehicles.get': getVehicle,
  'vehicles.register': registerVehicle,
  'vehicles.update': updateVehicle,
  'vehicles.changeOwner': changeOwner,
  'vehicles.correctOdometer': correctOdometer,
  'appointments.day': appointmentsOfDay,
  'appointments.book': bookAppointment,
  'appointments.setStatus': setAppointmentStatus,
  'ro.checkIn': checkIn,
  'ro.get': (ctx, input) => getRoDetail(ctx, input.id),
  'ro.list': listRepairOrders,
  'ro.updateHeader': updateHeader,
  'ro.saveLines': (ctx, input) => saveLines(ctx, input, hooks),
  'ro.authorise': authorise,
  'ro.cancel': cancelRo,
  'catalog.parts.search': searchParts,
  'catalog.labour.search': searchLabour,
})
