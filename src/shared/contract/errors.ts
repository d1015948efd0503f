// Stable error codes of the API envelope. Clients branch on the code, people read the message.
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INSUFFICIENT_STOCK',
  'INVALID_STATE',
  'UNKNOWN_CHANNEL',
  'BAD_CREDENTIALS',
  'SESSION_EXPIRED',
  'ALREADY_INITIALISED',
  'NOT_INITIALISED',
  'DUPLICATE',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_ATTEMPTS',
  'INTERNAL',
  /** Never sent by the host: a workstation's transport could not reach it (network, host down). */
  'OFFLINE',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `vehicle.vin` or `lines.2.hours`. */
  field: string
  message: string
}

export interface ErrorDetails {
  fields?: FieldIssue[]
  [key: string]: unknown
}

export type Envelope<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; details?: ErrorDetails }
