import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { ApiClient, Channel, LiveEvent } from '../../../shared/contract'
import { EVENT_READERS } from '../../../shared/contract/live-events'
import type { LiveStatus } from './meta'

/** Every live event type the host sends (the contract's reader table names them all). */
export type LiveEventType = keyof typeof EVENT_READERS & string

// Reads grouped by what they show, so the table below stays readable.
const RO_READS = ['ro.get', 'ro.list', 'audit.document'] as const
const RECEPTION_READS = ['reception.find', 'reception.search', 'reception.count', 'vehicles.get', 'customers.get'] as const
const WORKSHOP_READS = [
  'workshop.board',
  'workshop.wall',
  'workshop.ro',
  'workshop.shortSegments',
  'workshop.additional.queue',
  'workshop.declinedForVehicle',
  'workshop.qc.stats',
  'workshop.efficiency',
] as const
const WORKSHOP_SETTINGS = ['workshop.qc.checklist', 'workshop.technicians', 'workshop.bays', 'workshop.displayTokens', 'workshop.displayAddresses'] as const
const COUNTER_READS = ['parts.counterQueue', 'parts.pickList'] as const
const CATALOGUE_READS = ['parts.search', 'parts.get', 'parts.labels', 'catalog.parts.search'] as const
const STOCK_READS = ['stock.moves', 'stock.valuation', 'stock.emptyBins', 'stock.fillRate'] as const
const SETTLEMENT_READS = ['insurance.get', 'insurance.receivables', 'insurance.figures', 'insurance.figures.drill', 'settlement.queue', 'settlement.get', 'receivables.list'] as const
const DASHBOARD_READS = ['dashboard.targets', 'dashboard.drill'] as const
const CARE_FIGURES = ['dashboard.care', 'dashboard.drill', 'dashboard.satisfactionByAdvisor'] as const
const ALERT_READS = ['alerts.list', 'alerts.count'] as const
const WARRANTY_READS = ['warranty.today', 'warranty.claim.list', 'warranty.claim.get', 'warranty.parts.shelf', 'warranty.shipments.list', 'warranty.shipments.get', 'warranty.parts.label', 'warranty.sanbao.vehicle', 'warranty.sanbao.forRo', 'warranty.calls.list', 'warranty.calls.get', 'warranty.figures', 'warranty.figures.drill', 'warranty.firstService.list', 'warranty.firstService.rates', 'warranty.firstService.drill', 'warranty.register.list', 'warranty.register.get', 'warranty.checkRules', 'warranty.partRules'] as const
const DEPARTMENT_READS = ['department.targets.get', 'department.progress', 'department.drill', 'department.scorecards', 'department.scorecard', 'department.myScorecard', 'department.myScorecards', 'department.training.month', 'department.fiveS.checklist', 'department.fiveS.audits', 'department.fiveS.findings', 'department.fiveS.trend', 'department.etiquette.checklist', 'department.etiquette.checks', 'department.kpi.targets', 'department.figure.drill'] as const
const DATA_READS = ['data.export.status', 'data.export.batches', 'data.backup.status', 'audit.log'] as const

/**
 * What each live event makes stale: the read channels (query-key heads) a screen re-reads when
 * the event arrives. The same table drives a screen's own writes (`useApiMutation`), so a screen
 * refreshes at once after its write, before the event's echo arrives.
 */
export const LIVE_INVALIDATES: Record<LiveEventType, readonly Channel[]> = {
  'ro.changed': [...RO_READS, ...RECEPTION_READS, 'appointments.day', ...WORKSHOP_READS, ...COUNTER_READS, ...SETTLEMENT_READS, ...DASHBOARD_READS, ...WARRANTY_READS],
  'ro.parts': ['ro.get', 'audit.document', ...COUNTER_READS, 'workshop.ro', 'settlement.get', ...CATALOGUE_READS, ...STOCK_READS],
  'customer.changed': [...RECEPTION_READS, 'ro.get', 'ro.list'],
  'vehicle.changed': [...RECEPTION_READS, 'ro.get', 'ro.list', 'workshop.declinedForVehicle', 'warranty.coverage', ...WARRANTY_READS],
  'appointment.changed': ['appointments.day', 'vehicles.get', 'care.reminders.list', 'warranty.calls.list', 'warranty.firstService.list'],
  'workshop.changed': [...WORKSHOP_READS, ...WORKSHOP_SETTINGS, 'ro.get', 'ro.list', 'audit.document', ...COUNTER_READS],
  'settlement.changed': ['campaigns.analysis', 'campaigns.drill', ...SETTLEMENT_READS, 'ro.get', 'ro.list', 'audit.document', 'vehicles.get', ...WORKSHOP_READS, ...DASHBOARD_READS, ...DEPARTMENT_READS, 'department.report.get'],
  'part.changed': [...CATALOGUE_READS, ...STOCK_READS, ...COUNTER_READS, ...DASHBOARD_READS],
  'stock.changed': [...CATALOGUE_READS, ...STOCK_READS, ...COUNTER_READS, 'purchasing.po.list', 'purchasing.po.get', ...DASHBOARD_READS],
  'parts.imported': [...CATALOGUE_READS, ...STOCK_READS, 'parts.import.preview', ...DASHBOARD_READS],
  'po.changed': ['purchasing.po.list', 'purchasing.po.get', 'purchasing.suppliers.list', 'audit.document', ...STOCK_READS],
  'stocktake.changed': ['department.kpi.targets', 'department.scorecard', 'department.figure.drill', 'stocktake.list', 'stocktake.sheet', 'stocktake.variance', 'audit.document', ...CATALOGUE_READS, ...STOCK_READS, ...DASHBOARD_READS],
  'oldpart.changed': ['oldparts.list', ...COUNTER_READS, 'warranty.parts.shelf'],
  'external.changed': ['purchasing.external.list', ...COUNTER_READS],
  'alerts.changed': [...ALERT_READS],
  'warranty.changed': [...WARRANTY_READS, 'audit.document'],
  'care.changed': ['care.followups.list', 'care.followups.get', 'care.survey.get', 'care.complaints.list', 'care.complaints.get', 'care.reminders.list', 'care.reminders.get', ...CARE_FIGURES],
  'rules.changed': ['rules.list', 'rules.preview', ...ALERT_READS, ...DASHBOARD_READS],
  'data.export.requested': DATA_READS,
  'data.export.resend': DATA_READS,
  'data.backup.requested': DATA_READS,
  'data.restore.requested': DATA_READS,
  'data.export.built': DATA_READS,
  'data.delivery.changed': DATA_READS,
  'data.backup.done': DATA_READS,
  'data.restored': DATA_READS,
  'data.job.failed': DATA_READS,
  'department.changed': [...DEPARTMENT_READS, 'quality.incidents', 'quality.comebacks', 'quality.comebackDays', 'department.report.months', 'department.report.get'],
  'csi.changed': ['csi.list', 'csi.trend', 'csi.drill', 'department.report.get'],
  'attachments.changed': ['attachments.list', 'attachments.get', 'audit.document', 'department.fiveS.findings', 'department.fiveS.audits', 'department.training.month'],
  'campaign.changed': ['campaigns.list', 'campaigns.get', 'campaigns.invites', 'campaigns.invite.get', 'campaigns.ro.get', 'campaigns.targetCount', 'campaigns.analysis', 'campaigns.drill', 'department.report.get'],
}

/**
 * The events a write area causes, by the write channel's first segment(s): a screen's own write
 * invalidates what those events would, without waiting for them. Longest prefix wins.
 */
export const WRITE_EVENTS: Record<string, readonly LiveEventType[]> = {
  customers: ['customer.changed'],
  vehicles: ['vehicle.changed', 'customer.changed'],
  appointments: ['appointment.changed'],
  ro: ['ro.changed'],
  workshop: ['workshop.changed', 'ro.changed'],
  parts: ['part.changed', 'stock.changed', 'ro.parts'],
  'parts.import': ['parts.imported'],
  'parts.recordShortage': ['ro.parts', 'external.changed', 'po.changed'],
  stock: ['stock.changed'],
  purchasing: ['po.changed', 'external.changed', 'stock.changed'],
  oldparts: ['oldpart.changed'],
  stocktake: ['stocktake.changed'],
  settlement: ['settlement.changed', 'ro.changed'],
  alerts: ['alerts.changed'],
  care: ['care.changed'],
  rules: ['rules.changed'],
  warranty: ['warranty.changed'],
  'warranty.setStart': ['vehicle.changed'],
  'warranty.payments': ['warranty.changed', 'settlement.changed', 'alerts.changed'],
  'warranty.parts': ['oldpart.changed', 'warranty.changed'],
  'warranty.shipments': ['oldpart.changed', 'warranty.changed'],
  'warranty.calls': ['warranty.changed', 'appointment.changed'],
  'data.export': ['data.export.requested'],
  'data.backup': ['data.backup.requested'],
  department: ['department.changed', 'alerts.changed'],
  csi: ['csi.changed'],
  insurance: ['ro.changed', 'settlement.changed'],
  attachments: ['attachments.changed'],
  campaigns: ['campaign.changed', 'alerts.changed'],
  quality: ['department.changed'],
}

/** The events a write on `channel` causes (none for set-up, log-in, users and settings). */
export function eventsOfWrite(channel: string): readonly LiveEventType[] {
  const segments = channel.split('.')
  for (let n = segments.length; n > 0; n--) {
    const hit = WRITE_EVENTS[segments.slice(0, n).join('.')]
    if (hit) return hit
  }
  return []
}

/** The read channels an event makes stale; an unknown type refreshes nothing. */
export function channelsOf(type: string): readonly Channel[] {
  return (LIVE_INVALIDATES as Record<string, readonly Channel[] | undefined>)[type] ?? []
}

/** Every channel some live event refreshes: what a reconnect reads again. */
export const LIVE_CHANNELS: ReadonlySet<Channel> = new Set(Object.values(LIVE_INVALIDATES).flat())

/** Marks stale, and re-reads if shown, every query whose key starts with one of `channels`. */
export function invalidateChannels(client: QueryClient, channels: Iterable<string>): Promise<void> {
  const heads = new Set(channels)
  if (heads.size === 0) return Promise.resolve()
  return client.invalidateQueries({ predicate: (query) => heads.has(String((query.queryKey as QueryKey)[0])) })
}

export type LiveListener = (event: LiveEvent) => void
export type StatusListener = (connected: boolean) => void

/**
 * One push-channel connection however many parts of the window listen: the first listener opens
 * it, the last one to leave closes it, and a late listener learns the current status at once.
 */
export function shareSubscription(api: ApiClient): ApiClient {
  const listeners = new Set<{ event: LiveListener; status?: StatusListener }>()
  let upstream: (() => void) | null = null
  let status: boolean | null = null
  return {
    call: api.call,
    subscribe(handler, onStatus) {
      const entry = { event: handler, status: onStatus }
      listeners.add(entry)
      if (!upstream) {
        status = null
        upstream = api.subscribe(
          (event) => {
            for (const l of [...listeners]) l.event(event)
          },
          (connected) => {
            status = connected
            for (const l of [...listeners]) l.status?.(connected)
          },
        )
      } else if (status !== null) onStatus?.(status)
      let left = false
      return () => {
        if (left) return
        left = true
        listeners.delete(entry)
        if (listeners.size > 0) return
        upstream?.()
        upstream = null
        status = null
      }
    },
  }
}

export interface LiveConnectionOptions {
  api: Pick<ApiClient, 'subscribe'>
  queryClient: QueryClient
  onStatus: (status: LiveStatus) => void
  /** Bursts of events are gathered for this long before queries are invalidated. */
  debounceMs?: number
}

/**
 * The window's link from live events to the query cache: each event invalidates what the table
 * names; after a reconnect everything live is read again (events sent while down are lost).
 */
export function connectLive({ api, queryClient, onStatus, debounceMs = 60 }: LiveConnectionOptions): () => void {
  const pending = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | null = null
  const flush = () => {
    timer = null
    const channels = [...pending]
    pending.clear()
    void invalidateChannels(queryClient, channels)
  }
  const queue = (channels: Iterable<string>) => {
    for (const c of channels) pending.add(c)
    if (pending.size > 0 && !timer) timer = setTimeout(flush, debounceMs)
  }
  let wasConnected: boolean | null = null
  onStatus('connecting')
  const off = api.subscribe(
    (event) => queue(channelsOf(event.type)),
    (connected) => {
      onStatus(connected ? 'connected' : 'stale')
      if (connected && wasConnected === false) queue(LIVE_CHANNELS)
      wasConnected = connected
    },
  )
  return () => {
    off()
    if (timer) clearTimeout(timer)
    timer = null
    pending.clear()
  }
}
