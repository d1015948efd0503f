import type { z } from 'zod'
import type { careContract } from '../../shared/contract/care'

// Input and output types of the care channels, as the services see them (after zod parsing).
type Section = typeof careContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
