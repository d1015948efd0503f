// The push channel's liveness rule, shared by the host and every client (browser and terminal).
// A pulled cable or a switch that loses power closes no socket: nothing tells the workstation the
// stream is dead. So the host sends a `ping` event every LIVE_PING_MS and a client that hears
// nothing for LIVE_STALE_AFTER_MS says so, drops the stream and dials again, within 5 s of a cut.

export const LIVE_PING_MS = 1_000
export const LIVE_STALE_AFTER_MS = 2_500
/** How often a client checks the silence, and how long it waits for a new stream to open. */
export const LIVE_WATCH_MS = 500
export const LIVE_CONNECT_TIMEOUT_MS = 4_000
/** Reconnect delay after attempt n (1-based): quick at first, never more than 5 s apart. */
export const liveRetryDelayMs = (attempt: number): number => Math.min(5_000, 250 * 2 ** Math.min(attempt, 5))
/**
 * A call that gets no answer in this time is reported as the host being unreachable (`OFFLINE`).
 * Imports, exports and backups move megabytes and may legitimately take minutes.
 */
export const callTimeoutMs = (channel: string): number =>
  channel.startsWith('parts.import.') || channel.startsWith('data.') ? 300_000 : 20_000
/** The deadline for ordinary calls while the push channel is known to be down. */
export const CALL_TIMEOUT_WHILE_STALE_MS = 5_000
