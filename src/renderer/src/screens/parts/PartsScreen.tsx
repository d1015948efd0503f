import type { ReactNode } from 'react'
import { Tabs } from 'antd'
import { useT } from '../../i18n'
import { Forbidden } from '../shell/Forbidden'
import { goParts, type PartsTab, type PartsView } from './parts-route'
import { useCan } from '../../permissions'
import { CatalogueView } from './catalogue/CatalogueView'
import { PartLedger } from './catalogue/PartLedger'
import { CounterQueue } from './counter/CounterQueue'
import { PickListView } from './counter/PickListView'
import { PurchasingView } from './purchasing/PurchasingView'
import { PoView } from './purchasing/PoView'
import { ExternalView } from './purchasing/ExternalView'
import { OldPartsView } from './reports/OldPartsView'
import { EmptyBinsView } from './reports/EmptyBinsView'
import { ValuationView } from './reports/ValuationView'
import { StocktakeList } from './stocktake/StocktakeList'
import { StocktakeView } from './stocktake/StocktakeView'
import { PickListPrint } from './print/PickListPrint'
import { StocktakePrint } from './print/StocktakePrint'
import { BinsPrint } from './print/BinsPrint'
import { LabelsPrint } from './print/LabelsPrint'
import './parts.css'

const TAB_VIEW: Record<PartsTab, () => ReactNode> = {
  counter: () => <CounterQueue />,
  catalogue: () => <CatalogueView />,
  purchasing: () => <PurchasingView />,
  external: () => <ExternalView />,
  oldParts: () => <OldPartsView />,
  stocktake: () => <StocktakeList />,
  bins: () => <EmptyBinsView />,
  valuation: () => <ValuationView />,
}

function PartsTabs({ tab }: { tab: PartsTab }) {
  const t = useT()
  return (
    <Tabs
      size="small"
      activeKey={tab}
      destroyOnHidden
      className="pt-tabs"
      onChange={(key) => goParts({ kind: 'tab', tab: key as PartsTab })}
      items={(Object.keys(TAB_VIEW) as PartsTab[]).map((key) => ({ key, label: t(`pt.tab.${key}`), children: key === tab ? TAB_VIEW[key]() : null }))}
    />
  )
}

/** 配件: the store room's screens — counter queue and pick lists, catalogue and ledger, purchasing, stocktake. */
export function PartsScreen({ view }: { view: PartsView }) {
  const canRead = useCan('parts.read')
  if (!canRead) return <Forbidden />
  switch (view.kind) {
    case 'tab':
      return <PartsTabs tab={view.tab} />
    case 'part':
      return <PartLedger id={view.id} />
    case 'pick':
      return <PickListView roId={view.roId} />
    case 'po':
      return <PoView id={view.id} />
    case 'stocktake':
      return <StocktakeView id={view.id} />
    default:
      return <PartsPrint view={view} />
  }
}

/** The printed pages: each is a sheet of its own, without the application around it. */
export function PartsPrint({ view }: { view: PartsView }) {
  const canRead = useCan('parts.read')
  if (!canRead) return <Forbidden />
  switch (view.kind) {
    case 'pickPrint':
      return <PickListPrint roId={view.roId} />
    case 'stocktakePrint':
      return <StocktakePrint id={view.id} sheet={view.sheet} />
    case 'binsPrint':
      return <BinsPrint />
    case 'labels':
      return <LabelsPrint view={view} />
    default:
      return null
  }
}
