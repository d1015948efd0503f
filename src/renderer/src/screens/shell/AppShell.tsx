import { lazy, Suspense, useEffect } from 'react'
import { Layout, Spin } from 'antd'
import { navigate, useRoute, type Route } from '../../router'
import { useHotkeys } from '../../hotkeys'
import { NAV_ITEMS } from './nav-items'
import { HeaderBar } from './HeaderBar'
import { SideNav } from './SideNav'
import { Forbidden } from './Forbidden'
import { isPartsPrint } from '../parts/parts-route'
import { useCan, useCanCheck } from '../../permissions'

// Each screen area is its own chunk, loaded when first opened: the first screen loads less.
const AuditScreen = lazy(() => import('../audit/AuditScreen').then((m) => ({ default: m.AuditScreen })))
const DataAdminScreen = lazy(() => import('../data-admin/DataAdminScreen').then((m) => ({ default: m.DataAdminScreen })))
const ReceptionScreen = lazy(() => import('../reception/ReceptionScreen').then((m) => ({ default: m.ReceptionScreen })))
const CheckInScreen = lazy(() => import('../check-in/CheckInScreen').then((m) => ({ default: m.CheckInScreen })))
const RoScreen = lazy(() => import('../ro/RoScreen').then((m) => ({ default: m.RoScreen })))
const PrintView = lazy(() => import('../ro/print/PrintView').then((m) => ({ default: m.PrintView })))
const RoListScreen = lazy(() => import('../ro-list/RoListScreen').then((m) => ({ default: m.RoListScreen })))
const AppointmentsScreen = lazy(() => import('../appointments/AppointmentsScreen').then((m) => ({ default: m.AppointmentsScreen })))
const WorkshopScreen = lazy(() => import('../workshop/WorkshopScreen').then((m) => ({ default: m.WorkshopScreen })))
const WorkshopRoScreen = lazy(() => import('../workshop/WorkshopRoScreen').then((m) => ({ default: m.WorkshopRoScreen })))
const JobCardView = lazy(() => import('../workshop/print/JobCardView').then((m) => ({ default: m.JobCardView })))
const SettlementScreen = lazy(() => import('../settlement/SettlementScreen').then((m) => ({ default: m.SettlementScreen })))
const SettleRoScreen = lazy(() => import('../settlement/SettleRoScreen').then((m) => ({ default: m.SettleRoScreen })))
const StatementPrint = lazy(() => import('../settlement/print/StatementPrint').then((m) => ({ default: m.StatementPrint })))
const InsurerCollectionPrint = lazy(() => import('../settlement/print/InsurerCollectionPrint').then((m) => ({ default: m.InsurerCollectionPrint })))
const GatePassPrint = lazy(() => import('../settlement/print/GatePassPrint').then((m) => ({ default: m.GatePassPrint })))
const AlertsScreen = lazy(() => import('../alerts/AlertsScreen').then((m) => ({ default: m.AlertsScreen })))
const DepartmentScreen = lazy(() => import('../department/DepartmentScreen').then((m) => ({ default: m.DepartmentScreen })))
const MyScorecardScreen = lazy(() => import('../department/MyScorecardScreen').then((m) => ({ default: m.MyScorecardScreen })))
const DashboardScreen = lazy(() => import('../dashboard/DashboardScreen').then((m) => ({ default: m.DashboardScreen })))
const CsiScreen = lazy(() => import('../csi/CsiScreen').then((m) => ({ default: m.CsiScreen })))
const CareScreen = lazy(() => import('../care/CareScreen').then((m) => ({ default: m.CareScreen })))
const PartsScreen = lazy(() => import('../parts/PartsScreen').then((m) => ({ default: m.PartsScreen })))
const PartsPrint = lazy(() => import('../parts/PartsScreen').then((m) => ({ default: m.PartsPrint })))
const WarrantyScreen = lazy(() => import('../warranty/WarrantyScreen').then((m) => ({ default: m.WarrantyScreen })))
const ClaimEditorScreen = lazy(() => import('../warranty/ClaimEditor').then((m) => ({ default: m.ClaimEditorScreen })))
const ClaimPrint = lazy(() => import('../warranty/ClaimPrint').then((m) => ({ default: m.ClaimPrint })))
const PartLabelPrint = lazy(() => import('../warranty/PartLabelPrint').then((m) => ({ default: m.PartLabelPrint })))
const PackingListPrint = lazy(() => import('../warranty/PackingListPrint').then((m) => ({ default: m.PackingListPrint })))
const RegisterPrint = lazy(() => import('../warranty/registers/RegisterPrint').then((m) => ({ default: m.RegisterPrint })))

function Loading() {
  return (
    <div className="center-page">
      <Spin size="large" />
    </div>
  )
}

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
    case 'audit':
      return <AuditScreen tab={route.tab ?? 'log'} />
    case 'dashboard':
      return <DashboardScreen />
    case 'warranty':
      return <WarrantyScreen tab={route.tab ?? 'today'} />
    case 'warrantyClaim':
      return <ClaimEditorScreen id={route.id} key={route.id} />
    case 'care':
      return <CareScreen tab={route.tab ?? 'followups'} />
    case 'csi':
      return <CsiScreen />
    case 'department':
      return <DepartmentScreen tab={route.tab} />
    case 'myScorecard':
      return <MyScorecardScreen />
    case 'roPrint':
    case 'jobCard':
    case 'statement':
    case 'gatePass':
    case 'insurerCollectionPrint':
    case 'warrantyClaimPrint':
    case 'warrantyLabelPrint':
    case 'warrantyPackingPrint':
    case 'warrantyRegisterPrint':
    case 'wall':
      return null
  }
}

export function AppShell() {
  const route = useRoute()
  const canRead = useCan('reception.read')

  // Alt+1…9 and Alt+0 from the navigation table, for the screens this role may open.
  const can = useCanCheck()
  useHotkeys(
    Object.fromEntries(
      NAV_ITEMS.filter((item) => can(item.permission)).map((item) => [item.shortcut, () => navigate(item.route)]),
    ),
  )

  useEffect(() => {
    if (!window.location.hash) navigate({ name: 'reception' })
  }, [])

  // The print view is a page of its own: nothing of the application around it.
  const print =
    route.name === 'roPrint' ? (
      <PrintView id={route.id} />
    ) : route.name === 'jobCard' ? (
      <JobCardView id={route.id} />
    ) : route.name === 'statement' ? (
      <StatementPrint id={route.id} />
    ) : route.name === 'gatePass' ? (
      <GatePassPrint id={route.id} />
    ) : route.name === 'insurerCollectionPrint' ? (
      <InsurerCollectionPrint asOf={route.asOf} />
    ) : route.name === 'warrantyClaimPrint' ? (
      <ClaimPrint id={route.id} />
    ) : route.name === 'warrantyLabelPrint' ? (
      <PartLabelPrint id={route.id} />
    ) : route.name === 'warrantyPackingPrint' ? (
      <PackingListPrint id={route.id} />
    ) : route.name === 'warrantyRegisterPrint' ? (
      <RegisterPrint id={route.id} />
    ) : route.name === 'parts' && isPartsPrint(route.view) ? (
      <PartsPrint view={route.view} />
    ) : null
  if (print) return <Suspense fallback={<Loading />}>{print}</Suspense>

  return (
    <Layout className="app-shell">
      <HeaderBar />
      <Layout>
        <SideNav route={route} />
        <Layout.Content className="app-content">
          {canRead ? (
            <Suspense fallback={<Loading />}>
              <Screen route={route} />
            </Suspense>
          ) : (
            <Forbidden />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
