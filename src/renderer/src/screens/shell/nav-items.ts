import type { Permission } from '../../../../shared/domain/roles'
import type { MessageKey } from '../../../../shared/i18n'
import type { Route } from '../../router'

export interface NavItem {
  key: 'reception' | 'roList' | 'appointments' | 'workshop' | 'parts' | 'dataAdmin' | 'settlement' | 'alerts' | 'dashboard' | 'audit' | 'warranty' | 'care' | 'department' | 'csi' | 'myScorecard'
  label: MessageKey
  permission: Permission
  shortcut: string
  route: Route
}

/**
 * The side navigation, its Alt+n shortcuts and the shortcut list all come from this one table,
 * so a screen added here is reachable, listed and keyboard-accessible at once.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'reception', label: 'nav.reception', permission: 'reception.read', shortcut: 'Alt+1', route: { name: 'reception' } },
  { key: 'roList', label: 'nav.roList', permission: 'reception.read', shortcut: 'Alt+2', route: { name: 'roList' } },
  { key: 'appointments', label: 'nav.appointments', permission: 'reception.read', shortcut: 'Alt+3', route: { name: 'appointments' } },
  { key: 'workshop', label: 'wk.nav', permission: 'workshop.read', shortcut: 'Alt+4', route: { name: 'workshop' } },
  { key: 'parts', label: 'nav.parts', permission: 'parts.read', shortcut: 'Alt+5', route: { name: 'parts', view: { kind: 'tab', tab: 'counter' } } },
  { key: 'dataAdmin', label: 'nav.dataAdmin', permission: 'data.backup', shortcut: 'Alt+6', route: { name: 'dataAdmin' } },
  { key: 'settlement', label: 'stl.nav', permission: 'settlement.read', shortcut: 'Alt+7', route: { name: 'settlement' } },
  { key: 'alerts', label: 'inbox.nav', permission: 'alerts.read', shortcut: 'Alt+8', route: { name: 'alerts' } },
  { key: 'dashboard', label: 'dash.nav', permission: 'dashboard.read', shortcut: 'Alt+9', route: { name: 'dashboard' } },
  { key: 'department', label: 'dept.nav', permission: 'department.read', shortcut: 'Alt+M', route: { name: 'department' } },
  // The audit trail and login history for whoever holds audit.read (the front-desk supervisor too,
  // who cannot open 数据管理); the main process checks the permission on every read.
  { key: 'audit', label: 'nav.audit', permission: 'audit.read', shortcut: 'Alt+0', route: { name: 'audit' } },
  { key: 'warranty', label: 'wty.nav', permission: 'warranty.read', shortcut: 'Alt+W', route: { name: 'warranty' } },
  { key: 'care', label: 'care.nav', permission: 'care.read', shortcut: 'Alt+K', route: { name: 'care' } },
  { key: 'csi', label: 'csi.nav', permission: 'care.read', shortcut: 'Alt+S', route: { name: 'csi' } },
  { key: 'myScorecard', label: 'myScore.nav', permission: 'department.own', shortcut: 'Alt+J', route: { name: 'myScorecard' } },
]

export function selectedNavKey(route: Route): NavItem['key'] {
  switch (route.name) {
    case 'roList':
    case 'ro':
    case 'roPrint':
      return 'roList'
    case 'appointments':
      return 'appointments'
    case 'workshop':
    case 'workshopRo':
    case 'jobCard':
      return 'workshop'
    case 'parts':
      return 'parts'
    case 'dataAdmin':
      return 'dataAdmin'
    case 'settlement':
    case 'settleRo':
    case 'statement':
    case 'gatePass':
      return 'settlement'
    case 'alerts':
      return 'alerts'
    case 'dashboard':
      return 'dashboard'
    case 'department':
      return 'department'
    case 'myScorecard':
      return 'myScorecard'
    case 'audit':
      return 'audit'
    case 'warranty':
    case 'warrantyClaim':
    case 'warrantyClaimPrint':
    case 'warrantyLabelPrint':
    case 'warrantyPackingPrint':
    case 'warrantyRegisterPrint':
      return 'warranty'
    case 'care':
      return 'care'
    case 'csi':
      return 'csi'
    default:
      return 'reception'
  }
}
