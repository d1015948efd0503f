import { z } from 'zod'
import type { ContractSection } from './types'

// Making this PC a workstation (terminal) of the dealership's host: the host vouches for a pairing
// code, and the new PC saves the host's address with the code sealed in its own data folder.

/** The one-time pairing code 数据管理 → 工作站 shows (the device token, base64url). */
export const PairingCode = z
  .string()
  .trim()
  .min(20, { message: 'terminalSetup.codeFormat' })
  .max(64, { message: 'terminalSetup.codeFormat' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'terminalSetup.codeFormat' })

export const HostUrl = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((text) => {
    try {
      const url = new URL(text)
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === ''
    } catch {
      return false
    }
  }, { message: 'setup.hostAddressBad' })

export const TERMINAL_CONFIG_PROBLEMS = ['unreadable', 'tampered', 'sealedElsewhere'] as const
export type TerminalConfigProblem = (typeof TERMINAL_CONFIG_PROBLEMS)[number]

export const SavedTerminalOut = z.object({
  hostUrl: z.string(),
  dealerName: z.string(),
  deviceName: z.string(),
  savedAt: z.string(),
})

export const terminalSetupContract = {
  /** Asked of the host by a PC being set up: is this code a paired, unrevoked workstation's? */
  'devices.hello': {
    input: z.strictObject({ pairingCode: PairingCode }),
    output: z.object({ deviceId: z.number(), deviceName: z.string(), dealerName: z.string(), dealerCode: z.string() }),
    access: 'public',
    kind: 'read',
  },
  /** This PC (not yet set up) becomes a workstation of the host at `hostUrl`, paired with `code`. */
  'setup.joinHost': {
    input: z.strictObject({ hostUrl: HostUrl, pairingCode: PairingCode }),
    output: z.object({ hostUrl: z.string(), dealerName: z.string(), deviceName: z.string(), relaunching: z.boolean() }),
    access: 'public',
    kind: 'write',
  },
  /** How this copy runs and the workstation configuration saved in its data folder, if any. */
  'setup.terminalStatus': {
    input: z.strictObject({}),
    output: z.object({
      mode: z.enum(['host', 'terminal']),
      saved: SavedTerminalOut.nullable(),
      problem: z.enum(TERMINAL_CONFIG_PROBLEMS).nullable(),
    }),
    access: 'public',
    kind: 'read',
  },
  /** Deletes the saved workstation configuration (this PC goes back to the set-up screen). */
  'setup.forgetTerminal': {
    input: z.strictObject({}),
    output: z.object({ ok: z.literal(true), relaunching: z.boolean() }),
    access: 'public',
    kind: 'write',
  },
} as const satisfies ContractSection
