import type { ApiClient } from '../../../shared/contract'

/** Passes calls through and reports an ended session once, whichever screen noticed it. */
export function withSessionWatch(api: ApiClient, onExpired: (message: string) => void): ApiClient {
  const call: ApiClient['call'] = async (channel, input) => {
    const result = await api.call(channel, input)
    if (!result.ok && (result.code === 'UNAUTHENTICATED' || result.code === 'SESSION_EXPIRED') && channel !== 'auth.login') {
      onExpired(result.message)
    }
    return result
  }
  return { call, subscribe: (handler, onStatus) => api.subscribe(handler, onStatus) }
}
