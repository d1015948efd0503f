import type { Channel, Contract, Envelope } from '../../src/shared/contract'
import type { InputOf, OutputOf } from '../../src/shared/contract/types'

/** Calls the host's API directly, as another workstation would, to read what the UI should show. */
export async function apiCall<K extends Channel>(
  baseUrl: string,
  token: string | null,
  channel: K,
  input: InputOf<Contract[K]>,
): Promise<OutputOf<Contract[K]>> {
  const res = await fetch(new URL(`api/${channel}`, baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  })
  const envelope = (await res.json()) as Envelope<OutputOf<Contract[K]>>
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.code} ${envelope.message}`)
  return envelope.data
}

export async function apiLogin(baseUrl: string, username: string, password: string): Promise<string> {
  const { token } = await apiCall(baseUrl, null, 'auth.login', { username, password })
  return token
}
