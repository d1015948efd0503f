import type { z } from 'zod'
import type { csiContract } from '../../shared/contract/csi'

// Input and output types of the CSI channels, as the services see them (after zod parsing).
type Section = typeof csiContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
