import type { z } from 'zod'
import type { departmentContract } from '../../shared/contract/department'

// Input and output types of the department channels, as the services see them (after zod parsing).
type Section = typeof departmentContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
