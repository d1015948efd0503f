import type { z } from 'zod'
import type { warrantyContract } from '../../shared/contract/warranty'

// Input and output types of the warranty channels, as the services see them (after zod parsing).
type Section = typeof warrantyContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
export type ClaimDetailOut = Out<'warranty.claim.get'>
export type ClaimRowOut = Out<'warranty.claim.list'>[number]
