import type { z } from 'zod'
import type { csiImportContract } from '../../shared/contract/csi-import'

// Input and output types of the CSI import and dashboard channels, as the services see them.
type Section = typeof csiImportContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
