import type { z } from 'zod'
import type { campaignsContract } from '../../shared/contract/campaigns'

// Input and output types of the campaign channels, as the services see them (after zod parsing).
type Section = typeof campaignsContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
