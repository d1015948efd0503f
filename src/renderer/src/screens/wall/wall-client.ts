import type { ApiClient } from '../../../../shared/contract'
import type { Locale } from '../../../../shared/i18n'
import { createHttpClient } from '../../api/http-client'
import { createIpcClient } from '../../api/ipc-client'

/**
 * The wall display's client: no session, only the display token. Calls go without a bearer token
 * (`workshop.wall` is public and takes the display token in its input); the push channel opens
 * with `?display=<token>`, which the host accepts in place of a session.
 */
export function createWallClient(displayToken: string, locale: () => Locale): ApiClient {
  if ('api' in window && window.api) return createIpcClient(window.api, () => ({ token: null, locale: locale() }))
  return createHttpClient({
    // The http client opens the event stream only with a token; it is the display token here.
    meta: () => ({ token: displayToken, locale: locale() }),
    fetch: (input, init) => {
      const headers = { ...(init?.headers as Record<string, string> | undefined) }
      delete headers.authorization
      return fetch(input, { ...init, headers })
    },
    eventSource: (url) => new EventSource(url.replace('events?token=', 'events?display=')),
  })
}
