import { useEffect } from 'react'
import { Layout } from 'antd'
import { useStore } from 'zustand'
import { useSessionStore } from '../../i18n'
import { useStores } from '../../stores/context'
import { navigate, useRoute, type Route } from '../../router'
import { useHotkeys } from '../../hotkeys'
import { NAV_ITEMS } from './nav-items'
import { DataAdminScreen } from '../data-admin/DataAdminScreen'
import { HeaderBar } from './HeaderBar'
import { SideNav } from './SideNav'
import { Forbidden } from './Forbidden'
import { ReceptionScreen } from '../reception/ReceptionScreen'
import { CheckInScreen } from '../check-in/CheckInScreen'
import { RoScreen } from '../ro/RoScreen'
import { PrintView } from '../ro/print/PrintView'
import { RoListScreen } from '../ro-list/RoListScreen'
import { AppointmentsScreen } from '../appointments/AppointmentsScreen'
import { WorkshopScreen } from '../workshop/WorkshopScreen'
import { WorkshopRoScreen } from '../workshop/WorkshopRoScreen'
import { JobCardView } from '../workshop/print/JobCardView'
import { PartsPrint, PartsScreen } from '../parts/PartsScreen'
import { isPartsPrint } from '../parts/parts-route'
import { SettlementScreen } from '../settlement/SettlementScreen'
import { SettleRoScreen } from '../settlement/SettleRoScreen'
import { StatementPrint } from '../settlement/print/StatementPrint'
import { GatePassPrint } from '../settlement/print/GatePassPrint'
import { AlertsScreen } from '../alerts/AlertsScreen'
import { DashboardScreen } from '../dashboard/DashboardScreen'
import { useLiveEvents } from './use-live-events'
import { useCan } from '../../permissions'

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'reception':
      return <ReceptionScreen route={route} />
    case 'checkIn':
      return <CheckInScreen vehicleId={route.vehicleId} appointmentId={route.appointmentId} key={route.vehicleId} />
    case 'ro':
      return <RoScreen id={route.id} />
    case 'roList':
      return <RoListScreen all={route.all ?? false} />
    case 'appointments':
      return <AppointmentsScreen date={route.date} />
    case 'workshop':
      return <WorkshopScreen tab={route.tab} />
    case 'workshopRo':
      return <WorkshopRoScreen id={route.id} />
    case 'parts':
      return <PartsScreen view={route.view} />
    case 'settlement':
      return <SettlementScreen tab={route.tab} />
    case 'settleRo':
      return <SettleRoScreen id={route.id} key={route.id} />
    case 'alerts':
      return <AlertsScreen tab={route.tab} />
    case 'dataAdmin':
      return <DataAdminScreen />
    case 'dashboard':
      return <DashboardScreen />
    case 'roPrint':
    case 'jobCard':
    case 'statement':
    case 'gatePass':
    case 'wall':
      return null
  }
}

export function AppShell() {
  const session = useSessionStore()
  const route = useRoute()
  const stores = useStores()
  const canRead = useCan('reception.read')
  useLiveEvents(stores, session)

  // Alt+1…9 from the navigation table, for the screens this role may open.
  const permissions = useStore(session, (s) => s.user?.permissions)
  useHotkeys(
    Object.fromEntries(
      NAV_ITEMS.filter((item) => permissions?.includes(item.permission)).map((item) => [item.shortcut, () => navigate(item.route)]),
    ),
  )

  useEffect(() => {
    if (!window.location.hash) navigate({ name: 'reception' })
  }, [])

  // The print view is a page of its own: nothing of the application around it.
  if (route.name === 'roPrint') return <PrintView id={route.id} />
  if (route.name === 'jobCard') return <JobCardView id={route.id} />
  if (route.name === 'statement') return <StatementPrint id={route.id} />
  if (route.name === 'gatePass') return <GatePassPrint id={route.id} />
  if (route.name === 'parts' && isPartsPrint(route.view)) return <PartsPrint view={route.view} />

  return (
    <Layout className="app-shell">
      <HeaderBar />
      <Layout>
        <SideNav route={route} />
        <Layout.Content className="app-content">{canRead ? <Screen route={route} /> : <Forbidden />}</Layout.Content>
      </Layout>
    </Layout>
  )
}
