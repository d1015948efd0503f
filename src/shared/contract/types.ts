import type { z } from 'zod'
import type { Permission } from '../domain/roles'
import type { Envelope } from './errors'

/**
 * Who may call a channel: a permission, any logged-in user (`session`), or anyone (`public`,
 * for set-up and login only).
 */
export type Access = Permission | 'session' | 'public'

export interface ChannelSpec {
  input: z.ZodType
  output: z.ZodType
  access: Access
  /**
   * Writes run in one IMMEDIATE transaction with their audit entry. An `export` is a read whose
   * answer leaves the app as a file (customer names, phones, VINs): the dispatcher records who took
   * which file — the input, the file name and its row count — in the audit log.
   */
  kind: 'read' | 'write' | 'export'
}

export type ContractSection = Record<string, ChannelSpec>

export type InputOf<S extends ChannelSpec> = z.input<S['input']>
export type OutputOf<S extends ChannelSpec> = z.output<S['output']>

/** A live event pushed to every connected screen after a write commits. */
export interface LiveEvent {
  type: string
  /** Entity id the event is about, when there is one. */
  id?: number | string
  at: string
  [key: string]: unknown
}

export interface ApiClientOf<C extends ContractSection> {
  call<K extends keyof C & string>(channel: K, input: InputOf<C[K]>): Promise<Envelope<OutputOf<C[K]>>>
  /** Subscribes to live events; returns the unsubscribe function. */
  subscribe(handler: (event: LiveEvent) => void, onStatus?: (connected: boolean) => void): () => void
}
