import type { z } from 'zod'
import type { qualityContract } from '../../shared/contract/quality'

// Input and output types of the quality channels, as the services see them (after zod parsing).
type Section = typeof qualityContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
