import type { z } from 'zod'
import type { ChannelSpec, ContractSection, LiveEvent, OutputOf } from '../../shared/contract/types'
import type { Envelope, ErrorDetails } from '../../shared/contract/errors'
import { DEFAULT_LOCALE, asLocale, translate, type Locale } from '../../shared/i18n'
import { roleHas, type Permission } from '../../shared/domain/roles'
import { toLocalIso, type Clock } from '../../shared/domain/time'
import type { Store } from '../store/open'
import { resolveSession } from './sessions'
import { AppError } from './app-error'
import { LOCAL_CLIENT, type AuditEntry, type ClientInfo, type Ctx, type HostAddresses, type UserCtx } from './context'
import { EventBuffer, type EventHub } from './events'
import { describeFieldKeys, describeIssues } from './validation'
import { findControlText } from '../../shared/domain/control-text'
import { redact } from './redact'
import { preparedQuery } from '../store/query'

type CtxOf<S extends ChannelSpec> = S['access'] extends 'public' ? Ctx : UserCtx

export type HandlerFn<S extends ChannelSpec> = (ctx: CtxOf<S>, input: z.output<S['input']>) => OutputOf<S> | Promise<OutputOf<S>>

/**
 * A write whose slow part must not run inside its transaction (checking or hashing a password):
 * `prepare` runs first, may await and may refuse; `run` then gets its result inside the
 * transaction, synchronously like every other write.
 */
export interface PreparedHandler<S extends ChannelSpec, P> {
  prepare(ctx: CtxOf<S>, input: z.output<S['input']>): Promise<P>
  run(ctx: CtxOf<S>, input: z.output<S['input']>, prepared: P): OutputOf<S>
}

export type Handler<S extends ChannelSpec> = HandlerFn<S> | PreparedHandler<S, unknown>

/** Declares a prepared handler with its intermediate type checked on both sides. */
export const prepared = <S extends ChannelSpec, P>(handler: PreparedHandler<S, P>): PreparedHandler<S, unknown> =>
  handler as PreparedHandler<S, unknown>

export type HandlersFor<C extends ContractSection> = { [K in keyof C]: Handler<C[K]> }

export interface CallMeta {
  token?: string | null
  locale?: string | null
  client?: ClientInfo
}

export interface DispatcherDeps<C extends ContractSection> {
  contract: C
  handlers: HandlersFor<C>
  store: Store
  clock: Clock
  hub: EventHub
  timeZone: () => string
  /**
   * Runs inside every write's transaction after its handler, with the events it raised: the
   * rules engine re-evaluates exactly what the write can have changed, atomically with it.
   */
  afterWrite?: (ctx: Ctx) => void
  /** Where the HTTP host is reached on the LAN, for channels that tell other devices how to reach it. */
  hostAddresses?: () => HostAddresses
  log?: (message: string, error?: unknown) => void
  /**
   * Parse every answer against the channel's declared `output` and fail the call (INTERNAL, the
   * write rolled back, the mismatch logged) when it does not match. On in development and every
   * test run; production skips it for speed.
   */
  checkOutputs?: boolean
}

/** An answer that does not match its channel's declared output: a defect in the service. */
export class ContractOutputError extends Error {
  constructor(channel: string, issues: readonly z.core.$ZodIssue[]) {
    const lines = issues.slice(0, 5).map((i) => `  ${i.path.join('.') || '(answer)'}: ${i.message}`)
    super(`${channel} answered outside its declared output:\n${lines.join('\n')}`)
    this.name = 'ContractOutputError'
  }
}

export type Dispatch = (channel: string, rawInput: unknown, meta?: CallMeta) => Promise<Envelope<unknown>>

/**
 * The single door to every service: validate, authenticate, authorise, run (a write in one
 * transaction together with its audit entries), publish events after commit, and answer with an
 * envelope whose message is in the caller's language.
 */
export function createDispatcher<C extends ContractSection>(deps: DispatcherDeps<C>): Dispatch {
  const { contract, handlers, store, clock, hub } = deps
  const log = deps.log ?? ((message, error) => console.error(message, error))
  const checkOutput = deps.checkOutputs
    ? (channel: string, spec: ChannelSpec, data: unknown) => {
        const checked = spec.output.safeParse(data)
        if (!checked.success) throw new ContractOutputError(channel, checked.error.issues)
      }
    : null

  function fail(locale: Locale, error: AppError): Envelope<never> {
    const details: ErrorDetails | undefined = error.details?.fields
      ? {
          ...error.details,
          fields: error.details.fields.map((f) => ({ field: f.field, message: translate(locale, f.message, error.params) })),
        }
      : error.details
    return {
      ok: false,
      code: error.code,
      message: translate(locale, error.messageKey, error.params),
      ...(details ? { details } : {}),
    }
  }

  return async function dispatch(channel, rawInput, meta = {}) {
    let locale = meta.locale ? asLocale(meta.locale) : DEFAULT_LOCALE
    try {
      if (!Object.prototype.hasOwnProperty.call(contract, channel)) {
        throw new AppError('UNKNOWN_CHANNEL', 'error.UNKNOWN_CHANNEL', { channel })
      }
      const spec = contract[channel] as ChannelSpec
      const declared = handlers[channel as keyof C] as unknown as
        | ((ctx: Ctx, input: unknown) => unknown)
        | { prepare(ctx: Ctx, input: unknown): Promise<unknown>; run(ctx: Ctx, input: unknown, prepared: unknown): unknown }
      const now = clock.now()

      let user: Ctx['user'] = null
      if (meta.token) {
        const found = resolveSession(store, meta.token, now)
        if (found && 'user' in found) {
          user = found.user
          if (!meta.locale) locale = user.locale
        } else if (found && spec.access !== 'public') {
          throw new AppError('SESSION_EXPIRED')
        }
      }
      if (spec.access !== 'public') {
        if (!user) throw new AppError('UNAUTHENTICATED')
        if (spec.access !== 'session' && !roleHas(user.role, spec.access as Permission)) {
          throw new AppError('FORBIDDEN', 'error.FORBIDDEN', { permission: `permission.${spec.access}` })
        }
      }

      const controlText = findControlText(spec.input, rawInput)
      if (controlText.length > 0) return { ok: false, code: 'VALIDATION', ...describeFieldKeys(controlText, locale) }
      const parsed = spec.input.safeParse(rawInput ?? {})
      if (!parsed.success) {
        const { message, fields } = describeIssues(parsed.error, rawInput, locale)
        return { ok: false, code: 'VALIDATION', message, details: { fields } }
      }

      const events = new EventBuffer()
      const entries: AuditEntry[] = []
      const timeZone = deps.timeZone()
      const ctx: Ctx = {
        store,
        clock,
        timeZone,
        locale,
        user,
        token: meta.token ?? null,
        channel,
        client: meta.client ?? LOCAL_CLIENT,
        events,
        audit: (entry) => entries.push(entry),
        nowIso: () => toLocalIso(clock.now(), timeZone),
        ...(deps.hostAddresses ? { hostAddresses: deps.hostAddresses } : {}),
      }

      let handler: (ctx: Ctx, input: unknown) => unknown
      if (typeof declared === 'function') handler = declared
      else {
        const before = await declared.prepare(ctx, parsed.data)
        handler = (c, input) => declared.run(c, input, before)
      }

      let data: unknown
      if (spec.kind === 'write') {
        data = store.tx(() => {
          const result = handler(ctx, parsed.data)
          if (result instanceof Promise) throw new Error(`Write handler ${channel} must be synchronous`)
          checkOutput?.(channel, spec, result)
          deps.afterWrite?.(ctx)
          writeAudit(store, ctx, entries, parsed.data, result)
          return result
        })
      } else {
        data = await handler(ctx, parsed.data)
        checkOutput?.(channel, spec, data)
        if (spec.kind === 'export') {
          const file = data
          store.tx(() => writeExportAudit(store, ctx, entries, parsed.data, file))
        }
      }

      const at = toLocalIso(clock.now(), timeZone)
      for (const event of events.pending) hub.publish({ ...event, at } as LiveEvent)
      return { ok: true, data }
    } catch (error) {
      if (error instanceof AppError) return fail(locale, error)
      log(`[dispatch] ${channel} failed`, error)
      return fail(locale, new AppError('INTERNAL'))
    }
  }
}

// Every write call audits: compiled once at load.
const insertAudit = preparedQuery<{
  at: string
  userId: number | null
  channel: string
  action: string
  entity: string | null
  entityId: string | null
  detail: string | null
}>()((db, p) =>
  db.insertInto('audit_log').values({
    at: p.at,
    user_id: p.userId,
    channel: p.channel,
    action: p.action,
    entity: p.entity,
    entity_id: p.entityId,
    detail: p.detail,
  }),
)

function writeAudit(store: Store, ctx: Ctx, entries: AuditEntry[], input: unknown, result: unknown) {
  const at = ctx.nowIso()
  const userId = ctx.user?.id ?? null
  if (entries.length === 0) {
    const id = result && typeof result === 'object' && 'id' in result ? String((result as { id: unknown }).id) : null
    insertAudit.run(store, { at, userId, channel: ctx.channel, action: ctx.channel, entity: null, entityId: id, detail: JSON.stringify({ input: redact(input) }) })
    return
  }
  for (const entry of entries) {
    insertAudit.run(store, {
      at,
      userId,
      channel: ctx.channel,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      detail: entry.detail === undefined ? null : JSON.stringify(redact(entry.detail)),
    })
  }
}

/** Who took which file: the handler's own entries, or one under the channel with the file's name and rows. */
function writeExportAudit(store: Store, ctx: Ctx, entries: AuditEntry[], input: unknown, file: unknown) {
  if (entries.length > 0) return writeAudit(store, ctx, entries, input, file)
  const answer = (file ?? {}) as { fileName?: unknown; rows?: unknown; claims?: unknown }
  const rows = typeof answer.rows === 'number' ? answer.rows : typeof answer.claims === 'number' ? answer.claims : null
  const fileName = typeof answer.fileName === 'string' ? answer.fileName : null
  insertAudit.run(store, {
    at: ctx.nowIso(),
    userId: ctx.user?.id ?? null,
    channel: ctx.channel,
    action: ctx.channel,
    entity: null,
    entityId: null,
    detail: JSON.stringify({ input: redact(input), fileName, rows }),
  })
}
