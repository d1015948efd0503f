import type { z } from 'zod'
import type { insuranceContract } from '../../shared/contract/insurance'

// Input and output types of the insurance channels, as the services see them (after zod parsing).
type Section = typeof insuranceContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
export type InsuranceViewOut = Out<'insurance.get'>
