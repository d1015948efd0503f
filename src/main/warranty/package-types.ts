import type { z } from 'zod'
import type { warrantyPackageContract } from '../../shared/contract/warranty-package'

type Section = typeof warrantyPackageContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
