import type { z } from 'zod'
import type { attachmentsContract } from '../../shared/contract/attachments'

type Section = typeof attachmentsContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
