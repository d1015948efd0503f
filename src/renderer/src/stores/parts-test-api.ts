import type { ApiClient, Envelope } from '../../../shared/contract'

type Answer = (input: Record<string, unknown>) => Envelope<unknown> | Promise<Envelope<unknown>>

/** A fake API for store tests: answers per channel and a record of every call made. */
export function fakePartsApi(answers: Record<string, Answer>) {
  const calls: { channel: string; input: Record<string, unknown> }[] = []
  const api = {
    call: async (channel: string, input: Record<string, unknown>) => {
      calls.push({ channel, input })
      const answer = answers[channel]
      if (!answer) throw new Error(`unexpected call ${channel}`)
      return answer(input)
    },
    subscribe: () => () => {},
  } as unknown as ApiClient
  return { api, calls }
}

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })
