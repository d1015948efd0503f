import type { RoType } from './ro-type'

// 维修质量保证期: the period after delivery in which the dealership redoes faulty work at its own
// cost, printed on the customer's settlement statement. Days or km, whichever comes first. The
// defaults are the legal minimums of 交通运输部《机动车维修管理规定》(第三十八条): 二级维护 30 days or
// 5,000 km; 一级维护、小修及专项修理 10 days or 2,000 km (整车或总成修理 100 days or 20,000 km).
// Each RO type's period is a setting (`repairWarranty.<type>.days|km`).

export interface RepairWarranty {
  days: number
  km: number
}

export const REPAIR_WARRANTY_DEFAULTS: Readonly<Record<RoType, RepairWarranty>> = {
  maintenance: { days: 30, km: 5_000 },
  repair: { days: 10, km: 2_000 },
  warranty: { days: 10, km: 2_000 },
  insurance: { days: 10, km: 2_000 },
  internal: { days: 10, km: 2_000 },
  campaign: { days: 10, km: 2_000 },
}

/** The last day and odometer reading the repair warranty covers, from delivery (or settlement) date and km. */
export function repairWarrantyEnd(fromDate: string, odometerKm: number, w: RepairWarranty): { untilDate: string; untilKm: number } {
  const d = new Date(`${fromDate.slice(0, 10)}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + w.days)
  return { untilDate: d.toISOString().slice(0, 10), untilKm: odometerKm + w.km }
}
