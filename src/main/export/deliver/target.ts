import type { Manifest } from '../manifest'

/** A complete batch in the outbox, ready to go. */
export interface LocalBatch {
  id: string
  dir: string
  manifest: Manifest
  manifestSha256: string
}

/**
 * Where batches go. `deliver` resolves only when the destination holds the whole batch, and
 * accepts a batch it already has (re-sends and retries after a lost answer must be harmless).
 */
export interface DeliveryTarget {
  readonly id: string
  deliver(batch: LocalBatch): Promise<void>
}

/** A refusal worth showing to a person as it is (no stack, no internals). */
export class DeliveryError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DeliveryError'
  }
}
