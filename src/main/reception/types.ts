import type { z } from 'zod'
import type { receptionContract } from '../../shared/contract/reception'
import type { Customer, RoSummary, Vehicle } from '../../shared/contract/reception'

// Input and output types of the reception channels, as the services see them (after zod parsing).
type Section = typeof receptionContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>

export type CustomerOut = z.output<typeof Customer>
export type VehicleOut = z.output<typeof Vehicle>
export type RoSummaryOut = z.output<typeof RoSummary>
