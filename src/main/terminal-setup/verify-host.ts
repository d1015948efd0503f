import { z } from 'zod'
import type { Locale } from '../../shared/i18n'
import { fieldError } from '../api/app-error'

/** What the host said about this PC's pairing code. */
export interface VerifiedHost {
  hostUrl: string
  dealerName: string
  dealerCode: string
  deviceId: number
  deviceName: string
}

export interface VerifyOptions {
  hostUrl: string
  code: string
  locale: Locale
  fetch?: typeof fetch
  timeoutMs?: number
}

const VERIFY_TIMEOUT_MS = 5_000

const Envelope = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
])
const Status = z.object({ initialised: z.boolean(), dealerName: z.string().nullable() })
const Hello = z.object({ deviceId: z.number(), deviceName: z.string(), dealerName: z.string(), dealerCode: z.string() })

const unreachable = (url: string) => fieldError('VALIDATION', 'hostUrl', 'terminalSetup.unreachable', { url })
const notDealerHost = (url: string) => fieldError('VALIDATION', 'hostUrl', 'terminalSetup.notDealerHost', { url })
const wrongCode = () => fieldError('VALIDATION', 'pairingCode', 'terminalSetup.wrongCode')

/** `http://10.0.0.5:4780/anything` → `http://10.0.0.5:4780/`: the host serves the API at its root. */
export function normaliseHostUrl(text: string): string {
  return new URL(text.trim()).origin + '/'
}

/**
 * Asks the host whether it is a dealership host that is set up, and whether `code` is one of its
 * paired workstations — with the code as the device token, exactly as the terminal will call.
 * Every refusal names its field and says what to do, in the caller's language.
 */
export async function verifyHost(options: VerifyOptions): Promise<VerifiedHost> {
  const base = normaliseHostUrl(options.hostUrl)
  const doFetch = options.fetch ?? fetch
  const call = async (channel: string, input: unknown) => {
    let res: Response
    try {
      res = await doFetch(new URL(`api/${channel}`, base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-device-token': options.code, 'x-locale': options.locale },
        body: JSON.stringify(input),
        signal: AbortSignal.timeout(options.timeoutMs ?? VERIFY_TIMEOUT_MS),
        redirect: 'error',
      })
    } catch {
      throw unreachable(base)
    }
    let body: unknown
    try {
      body = await res.json()
    } catch {
      throw notDealerHost(base)
    }
    const envelope = Envelope.safeParse(body)
    if (!envelope.success) throw notDealerHost(base)
    return envelope.data
  }

  const status = await call('setup.status', {})
  // A host on the LAN refuses an unknown code before it answers anything.
  if (!status.ok) throw status.code === 'FORBIDDEN' ? wrongCode() : notDealerHost(base)
  const parsedStatus = Status.safeParse(status.data)
  if (!parsedStatus.success) throw notDealerHost(base)
  if (!parsedStatus.data.initialised) throw fieldError('VALIDATION', 'hostUrl', 'terminalSetup.hostNotSetUp', { url: base })

  const hello = await call('devices.hello', { pairingCode: options.code })
  if (!hello.ok) throw hello.code === 'FORBIDDEN' ? wrongCode() : notDealerHost(base)
  const parsedHello = Hello.safeParse(hello.data)
  if (!parsedHello.success) throw notDealerHost(base)
  return { hostUrl: base, ...parsedHello.data }
}
