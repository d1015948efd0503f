// Secrets at rest (the export target's bearer token, and whatever joins it): sealed before they
// reach the settings table, opened only in the main process where they are used, and never handed
// to the renderer (it sees `hasToken` and a masked hint). Two implementations: a key file in the
// data directory (plain Node, the LAN host and tests) and Electron's safeStorage (the shell,
// src/main/electron/safe-storage-box.ts), which keeps the key in the OS keychain.

export interface SecretBox {
  /** Short name written into each sealed value, so the right box opens it. */
  readonly kind: string
  seal(plain: string): string
  /** The plain text, or null when this box cannot open it (another PC's key, damaged). */
  open(sealed: string): string | null
}

const PREFIX = 'sealed:v1:'

export function sealedWith(box: SecretBox, plain: string): string {
  return `${PREFIX}${box.kind}:${box.seal(plain)}`
}

export const isSealed = (value: string) => value.startsWith(PREFIX)

/** Opens a sealed value; a plain (legacy) value is returned as it is, for migration. */
export function openSealed(box: SecretBox, value: string): string | null {
  if (!isSealed(value)) return value
  const rest = value.slice(PREFIX.length)
  const colon = rest.indexOf(':')
  if (colon < 0 || rest.slice(0, colon) !== box.kind) return null
  return box.open(rest.slice(colon + 1))
}

/** What the renderer may see of a secret: its last four characters. */
export function maskSecret(plain: string | null | undefined): string | null {
  if (!plain) return null
  return `••••${plain.slice(-4)}`
}
