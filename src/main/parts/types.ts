import type { z } from 'zod'
import type { partsContract } from '../../shared/contract/parts'

// Input and output types of the parts channels, as the services see them (after zod parsing).
type Section = typeof partsContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
