import type { appContract } from '../../shared/contract/app'
import type { RoType } from '../../shared/domain/ro-type'
import type { HandlersFor } from '../api/dispatch'
import { readSettings, setSetting } from './settings'

// The dealership's settings screen: everyone signed in reads them; changing them is audited with
// the values before and after.

type SettingsChannels = Pick<typeof appContract, Extract<keyof typeof appContract, `settings.${string}`>>

export const settingsHandlers: HandlersFor<SettingsChannels> = {
  'settings.get': (ctx) => readSettings(ctx.store),

  'settings.update': (ctx, input) => {
    const before = readSettings(ctx.store)
    if (input.dealerName !== undefined) setSetting(ctx.store, 'dealer.name', input.dealerName)
    if (input.vatRateBp !== undefined) setSetting(ctx.store, 'vat.rateBp', input.vatRateBp)
    if (input.labourRateFen !== undefined) setSetting(ctx.store, 'labour.rateFen', input.labourRateFen)
    if (input.openingHours !== undefined) setSetting(ctx.store, 'appointments.openingHours', input.openingHours)
    if (input.clockMinSegmentMinutes !== undefined) setSetting(ctx.store, 'clock.minSegmentMinutes', input.clockMinSegmentMinutes)
    for (const [type, period] of Object.entries(input.repairWarranty ?? {}) as [RoType, { days: number; km: number } | undefined][]) {
      if (!period) continue
      setSetting(ctx.store, `repairWarranty.${type}.days`, period.days)
      setSetting(ctx.store, `repairWarranty.${type}.km`, period.km)
    }
    const after = readSettings(ctx.store)
    ctx.audit({ action: 'settings.update', entity: 'settings', entityId: 'dealer', detail: { before, after } })
    return after
  },
}
