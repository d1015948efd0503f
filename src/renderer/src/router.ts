import { useSyncExternalStore } from 'react'
import { parsePartsPath, partsHref, type PartsView } from './screens/parts/parts-route'

// Hash routes work the same under the Electron app:// scheme and the host's static files, and
// a reload keeps the person on the screen they were on.
export type Route =
  | { name: 'reception'; vehicleId?: number; register?: boolean; ownerId?: number }
  | { name: 'checkIn'; vehicleId: number; appointmentId?: number }
  | { name: 'ro'; id: number }
  | { name: 'roPrint'; id: number }
  | { name: 'roList'; all?: boolean }
  | { name: 'appointments'; date?: string }
  | { name: 'workshop'; tab?: WorkshopTab }
  | { name: 'workshopRo'; id: number }
  | { name: 'jobCard'; id: number }
  | { name: 'wall'; token: string }
  | { name: 'settlement'; tab?: SettlementTab }
  | { name: 'settleRo'; id: number }
  | { name: 'statement'; id: number }
  | { name: 'gatePass'; id: number }
  | { name: 'insurerCollectionPrint'; asOf?: string }
  | { name: 'alerts'; tab?: AlertsTab }
  | { name: 'dashboard' }
  | { name: 'department'; tab?: DepartmentTab }
  | { name: 'myScorecard' }
  | { name: 'dataAdmin' }
  | { name: 'audit'; tab?: AuditTab }
  | { name: 'parts'; view: PartsView }
  | { name: 'warranty'; tab?: WarrantyTab }
  | { name: 'warrantyClaim'; id: number }
  | { name: 'warrantyClaimPrint'; id: number }
  | { name: 'warrantyLabelPrint'; id: number }
  | { name: 'warrantyPackingPrint'; id: number }
  | { name: 'warrantyRegisterPrint'; id: number }
  | { name: 'care'; tab?: CareTab }
  | { name: 'csi' }

/** The workshop screen's tabs: board, job clock, additional-work approvals, QC, figures, settings. */
export const WORKSHOP_TABS = ['board', 'clock', 'approvals', 'qc', 'summary', 'settings'] as const
export type WorkshopTab = (typeof WORKSHOP_TABS)[number]

/** The cashier's tabs: ROs ready to settle, settled ones waiting for the customer, receivables. */
export const SETTLEMENT_TABS = ['ready', 'settled', 'receivables', 'insurers'] as const
export type SettlementTab = (typeof SETTLEMENT_TABS)[number]
/** The alerts screen: the inbox and the rules behind it. */
export const ALERTS_TABS = ['inbox', 'rules'] as const
export type AlertsTab = (typeof ALERTS_TABS)[number]
/** The warranty desk: today's work, the claim list and the maker's payment lists. */
export const WARRANTY_TABS = ['today', 'claims', 'payments', 'shelf', 'shipments', 'vehicle', 'calls', 'firstService', 'registers', 'settings'] as const
export type WarrantyTab = (typeof WARRANTY_TABS)[number]
/** 客户关怀: the follow-up call list, finished follow-ups, open complaints, closed complaints. */
export const CARE_TABS = ['followups', 'reminders', 'closed', 'complaints', 'closedComplaints', 'figures', 'retention', 'survey'] as const
export type CareTab = (typeof CARE_TABS)[number]
/** 部门管理: progress against the targets, the targets and their split, scorecards, training. */
export const DEPARTMENT_TABS = ['progress', 'targets', 'scorecards', 'training', 'fives', 'etiquette', 'campaigns', 'quality', 'report'] as const
export type DepartmentTab = (typeof DEPARTMENT_TABS)[number]
/** 审计与安全 (for holders of audit.read): the whole audit log, and the login history with lockouts. */
export const AUDIT_TABS = ['log', 'logins'] as const
export type AuditTab = (typeof AUDIT_TABS)[number]

const positive = (s: string | null | undefined): number | undefined => {
  const n = Number(s)
  return Number.isInteger(n) && n > 0 ? n : undefined
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?')
  const params = new URLSearchParams(query)
  const parts = path.split('/').filter(Boolean)
  const [head, a, b] = parts
  switch (head) {
    case 'ro': {
      const id = positive(a)
      if (id) return b === 'print' ? { name: 'roPrint', id } : { name: 'ro', id }
      return { name: 'roList', all: params.get('all') === '1' }
    }
    case 'ros':
      return { name: 'roList', all: params.get('all') === '1' }
    case 'check-in': {
      const vehicleId = positive(a)
      if (!vehicleId) break
      const appointmentId = positive(params.get('appointment'))
      return appointmentId ? { name: 'checkIn', vehicleId, appointmentId } : { name: 'checkIn', vehicleId }
    }
    case 'appointments': {
      const date = params.get('date')
      return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { name: 'appointments', date } : { name: 'appointments' }
    }
    case 'workshop': {
      const id = positive(b)
      if (a === 'ro' && id) return parts[3] === 'job-card' ? { name: 'jobCard', id } : { name: 'workshopRo', id }
      const tab = WORKSHOP_TABS.find((t) => t === params.get('tab'))
      return tab && tab !== 'board' ? { name: 'workshop', tab } : { name: 'workshop' }
    }
    case 'parts':
      return { name: 'parts', view: parsePartsPath(parts.slice(1), params) }
    case 'settlement': {
      const id = positive(b)
      if (a === 'ro' && id) {
        if (parts[3] === 'statement') return { name: 'statement', id }
        if (parts[3] === 'gate-pass') return { name: 'gatePass', id }
        return { name: 'settleRo', id }
      }
      const asOf = params.get('asOf')
      if (a === 'insurers' && b === 'print') return asOf ? { name: 'insurerCollectionPrint', asOf } : { name: 'insurerCollectionPrint' }
      const tab = SETTLEMENT_TABS.find((t) => t === params.get('tab'))
      return tab && tab !== 'ready' ? { name: 'settlement', tab } : { name: 'settlement' }
    }
    case 'alerts':
      return params.get('tab') === 'rules' ? { name: 'alerts', tab: 'rules' } : { name: 'alerts' }
    case 'dashboard':
      return { name: 'dashboard' }
    case 'department': {
      const tab = DEPARTMENT_TABS.find((t) => t === params.get('tab'))
      return tab && tab !== 'progress' ? { name: 'department', tab } : { name: 'department' }
    }
    case 'my-scorecard':
      return { name: 'myScorecard' }
    case 'data':
      return { name: 'dataAdmin' }
    case 'care': {
      const tab = CARE_TABS.find((t) => t === params.get('tab'))
      return tab && tab !== 'followups' ? { name: 'care', tab } : { name: 'care' }
    }
    case 'csi':
      return { name: 'csi' }
    case 'audit':
      return params.get('tab') === 'logins' ? { name: 'audit', tab: 'logins' } : { name: 'audit' }
    case 'warranty': {
      const id = positive(b)
      if (a === 'claim' && id) return parts[3] === 'print' ? { name: 'warrantyClaimPrint', id } : { name: 'warrantyClaim', id }
      if (a === 'label' && id) return { name: 'warrantyLabelPrint', id }
      if (a === 'shipment' && id) return { name: 'warrantyPackingPrint', id }
      if (a === 'register' && id) return { name: 'warrantyRegisterPrint', id }
      const tab = WARRANTY_TABS.find((t) => t === params.get('tab'))
      return tab && tab !== 'today' ? { name: 'warranty', tab } : { name: 'warranty' }
    }
    case 'wall':
      // The shop-floor TV: no login, only the display token (the Root shows it before any session).
      return { name: 'wall', token: params.get('token') ?? '' }
    case 'reception': {
      if (a === 'vehicle' && positive(b)) return { name: 'reception', vehicleId: positive(b) as number }
      if (a === 'new') {
        const ownerId = positive(params.get('owner'))
        return ownerId ? { name: 'reception', register: true, ownerId } : { name: 'reception', register: true }
      }
      break
    }
  }
  return { name: 'reception' }
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'reception':
      if (route.vehicleId) return `#/reception/vehicle/${route.vehicleId}`
      if (route.register) return route.ownerId ? `#/reception/new?owner=${route.ownerId}` : '#/reception/new'
      return '#/reception'
    case 'checkIn':
      return `#/check-in/${route.vehicleId}${route.appointmentId ? `?appointment=${route.appointmentId}` : ''}`
    case 'ro':
      return `#/ro/${route.id}`
    case 'roPrint':
      return `#/ro/${route.id}/print`
    case 'roList':
      return route.all ? '#/ros?all=1' : '#/ros'
    case 'appointments':
      return route.date ? `#/appointments?date=${route.date}` : '#/appointments'
    case 'workshop':
      return route.tab && route.tab !== 'board' ? `#/workshop?tab=${route.tab}` : '#/workshop'
    case 'workshopRo':
      return `#/workshop/ro/${route.id}`
    case 'jobCard':
      return `#/workshop/ro/${route.id}/job-card`
    case 'parts':
      return partsHref(route.view)
    case 'wall':
      return `#/wall?token=${encodeURIComponent(route.token)}`
    case 'settlement':
      return route.tab && route.tab !== 'ready' ? `#/settlement?tab=${route.tab}` : '#/settlement'
    case 'settleRo':
      return `#/settlement/ro/${route.id}`
    case 'statement':
      return `#/settlement/ro/${route.id}/statement`
    case 'gatePass':
      return `#/settlement/ro/${route.id}/gate-pass`
    case 'insurerCollectionPrint':
      return route.asOf ? `#/settlement/insurers/print?asOf=${route.asOf}` : '#/settlement/insurers/print'
    case 'alerts':
      return route.tab === 'rules' ? '#/alerts?tab=rules' : '#/alerts'
    case 'dashboard':
      return '#/dashboard'
    case 'department':
      return route.tab && route.tab !== 'progress' ? `#/department?tab=${route.tab}` : '#/department'
    case 'myScorecard':
      return '#/my-scorecard'
    case 'dataAdmin':
      return '#/data'
    case 'audit':
      return route.tab === 'logins' ? '#/audit?tab=logins' : '#/audit'
    case 'warranty':
      return route.tab && route.tab !== 'today' ? `#/warranty?tab=${route.tab}` : '#/warranty'
    case 'warrantyClaim':
      return `#/warranty/claim/${route.id}`
    case 'warrantyClaimPrint':
      return `#/warranty/claim/${route.id}/print`
    case 'warrantyLabelPrint':
      return `#/warranty/label/${route.id}`
    case 'warrantyPackingPrint':
      return `#/warranty/shipment/${route.id}`
    case 'warrantyRegisterPrint':
      return `#/warranty/register/${route.id}`
    case 'care':
      return route.tab && route.tab !== 'followups' ? `#/care?tab=${route.tab}` : '#/care'
    case 'csi':
      return '#/csi'
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route)
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash)
}

export function useRoute(): Route {
  return parseRoute(useHash())
}
