import type { z } from 'zod'
import type { settlementContract } from '../../shared/contract/settlement'

// Input and output types of the settlement channels, as the services see them (after zod parsing).
type Section = typeof settlementContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
export type SettlementViewOut = Out<'settlement.get'>
