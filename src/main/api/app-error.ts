import type { ErrorCode, ErrorDetails } from '../../shared/contract/errors'
import type { MessageParams } from '../../shared/i18n'

/**
 * The one way a service refuses: a stable code, a catalog key for the person's message and its
 * parameters. The dispatcher rolls the transaction back and translates the message.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string = `error.${code}`,
    readonly params: MessageParams = {},
    readonly details?: ErrorDetails,
  ) {
    super(`${code}: ${messageKey}`)
    this.name = 'AppError'
  }
}

export const notFound = (entity: string, id?: number | string) =>
  new AppError('NOT_FOUND', 'error.NOT_FOUND', { entity }, id === undefined ? undefined : { id })

export const conflict = (entity: string, id: number, expected: number, actual: number) =>
  new AppError('CONFLICT', 'error.CONFLICT', { entity }, { entity, id, expectedVersion: expected, actualVersion: actual })

/** A field-level refusal from a service (odometer going backwards, duplicate VIN, …). */
export const fieldError = (code: ErrorCode, field: string, messageKey: string, params: MessageParams = {}) =>
  new AppError(code, messageKey, params, { fields: [{ field, message: messageKey }] })
