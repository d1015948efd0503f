import type { z } from 'zod'
import type { firstServiceContract } from '../../../shared/contract/first-service'

// Input and output types of the first-service channels, as the services see them (after zod parsing).
type Section = typeof firstServiceContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
