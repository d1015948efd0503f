import type { Locale } from '../../../shared/i18n'

/** What every call carries besides its input: the session token and the person's language. */
export interface CallMeta {
  token: string | null
  locale: Locale
}

export type MetaSource = () => CallMeta

/** Which transport state the live-event channel is in; shown in the header. */
export type LiveStatus = 'connecting' | 'connected' | 'stale'
