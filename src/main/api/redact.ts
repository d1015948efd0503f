// Secrets never reach the audit trail; signatures are kept on the authorisation, not copied.
const SECRET_KEYS = /password|token|signature/i

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) out[key] = SECRET_KEYS.test(key) ? '[redacted]' : redact(inner)
    return out
  }
  return value
}
