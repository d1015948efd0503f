import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { TerminalConfigProblem } from '../../shared/contract/terminal-setup'
import { isSealed, openSealed, sealedWith, type SecretBox } from '../secrets/secret-box'

/** Beside the (unused) local store in the data folder; never inside a backup. */
export const TERMINAL_CONFIG_FILE = 'terminal.json'

export interface TerminalConfig {
  hostUrl: string
  dealerName: string
  dealerCode: string
  deviceId: number
  deviceName: string
  deviceToken: string
  savedAt: string
}

export type LoadedTerminalConfig =
  | { status: 'none' }
  | { status: 'ok'; config: TerminalConfig }
  | { status: 'problem'; problem: TerminalConfigProblem; file: string; reason: string }

// The readable fields are for people and the screen; the sealed part repeats the host and device
// with the token, so a hand-edited address (which would send the token elsewhere) is caught.
const FileShape = z.strictObject({
  version: z.literal(1),
  hostUrl: z.string().min(1).max(200),
  dealerName: z.string().max(120),
  dealerCode: z.string().max(40),
  deviceId: z.number().int().positive(),
  deviceName: z.string().max(120),
  savedAt: z.string().max(40),
  sealed: z.string().min(1).max(4000),
})

const SealedShape = z.strictObject({
  token: z.string().min(1).max(200),
  hostUrl: z.string(),
  deviceId: z.number(),
})

export const terminalConfigPath = (dataDir: string) => join(dataDir, TERMINAL_CONFIG_FILE)

export function saveTerminalConfig(dataDir: string, box: SecretBox, config: TerminalConfig): void {
  const file = terminalConfigPath(dataDir)
  const body: z.infer<typeof FileShape> = {
    version: 1,
    hostUrl: config.hostUrl,
    dealerName: config.dealerName,
    dealerCode: config.dealerCode,
    deviceId: config.deviceId,
    deviceName: config.deviceName,
    savedAt: config.savedAt,
    sealed: sealedWith(box, JSON.stringify({ token: config.deviceToken, hostUrl: config.hostUrl, deviceId: config.deviceId })),
  }
  // Written beside and renamed over, so a crash mid-write never leaves half a file.
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, JSON.stringify(body, null, 2) + '\n', { mode: 0o600 })
  renameSync(temp, file)
}

/** Never throws: a damaged, edited or foreign file is a `problem` the set-up screen explains. */
export function loadTerminalConfig(dataDir: string, box: SecretBox | (() => SecretBox)): LoadedTerminalConfig {
  const file = terminalConfigPath(dataDir)
  if (!existsSync(file)) return { status: 'none' }
  const problem = (kind: TerminalConfigProblem, reason: string): LoadedTerminalConfig => ({ status: 'problem', problem: kind, file, reason })
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    return problem('unreadable', error instanceof Error ? error.message : String(error))
  }
  const shape = FileShape.safeParse(raw)
  if (!shape.success) return problem('unreadable', shape.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  const body = shape.data
  if (!isSealed(body.sealed)) return problem('tampered', 'the device token is not sealed')
  let opened: string | null
  let kind: string
  try {
    const theBox = typeof box === 'function' ? box() : box
    kind = theBox.kind
    opened = openSealed(theBox, body.sealed)
  } catch (error) {
    return problem('unreadable', error instanceof Error ? error.message : String(error))
  }
  if (opened === null) {
    const sealedKind = body.sealed.split(':')[2]
    return sealedKind === kind
      ? problem('tampered', 'the sealed token does not open')
      : problem('sealedElsewhere', `sealed with ${sealedKind ?? '?'}, this copy opens ${kind}`)
  }
  let inner: z.infer<typeof SealedShape>
  try {
    inner = SealedShape.parse(JSON.parse(opened))
  } catch {
    return problem('tampered', 'the sealed part is not a terminal configuration')
  }
  if (inner.hostUrl !== body.hostUrl || inner.deviceId !== body.deviceId) {
    return problem('tampered', 'the host or device differs from the sealed one')
  }
  return {
    status: 'ok',
    config: {
      hostUrl: body.hostUrl,
      dealerName: body.dealerName,
      dealerCode: body.dealerCode,
      deviceId: body.deviceId,
      deviceName: body.deviceName,
      deviceToken: inner.token,
      savedAt: body.savedAt,
    },
  }
}

/** True when there was a file to delete. */
export function forgetTerminalConfig(dataDir: string): boolean {
  const file = terminalConfigPath(dataDir)
  if (!existsSync(file)) return false
  rmSync(file, { force: true })
  return true
}
