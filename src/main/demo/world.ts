import type { Store } from '../store/open'
import type { LocalCalendar } from './local-time'
import type { Rng } from './random'

/** How big a dealership to generate. 'small' and 'standard' are presets of this. */
export interface DemoSize {
  customers: number
  vehicles: number
  repairOrders: number
  parts: number
  users?: { advisors?: number; technicians?: number }
}

/** Everything the generation steps share; filled in step by step, in insertion order. */
export interface World {
  store: Store
  rng: Rng
  cal: LocalCalendar
  size: DemoSize
  labourRateFen: number
  vatRateBp: number
  /** Service advisors' user ids (ROs and appointments are theirs). */
  advisorIds: number[]
  /** Active catalogue parts by what they fit: `fitKey(template key, model or null)` → part ids. */
  partIdsByFit: Map<string, number[]>
  /** The make a part is made for (null: a universal part). */
  partMake: Map<number, string | null>
  partPriceFen: Map<number, number>
  partName: Map<number, string>
}
