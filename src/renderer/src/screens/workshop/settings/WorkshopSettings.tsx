import type { WorkshopStore } from '../../../stores/workshop-store'
import { BaysPanel } from './BaysPanel'
import { DisplayTokensPanel } from './DisplayTokensPanel'
import { TechniciansPanel } from './TechniciansPanel'

/** 车间设置 (workshop.configure): technicians' skills, bays, wall-display tokens. */
export function WorkshopSettings({ store }: { store: WorkshopStore }) {
  return (
    <div className="ws-settings">
      <TechniciansPanel store={store} />
      <BaysPanel store={store} />
      <DisplayTokensPanel store={store} />
    </div>
  )
}
