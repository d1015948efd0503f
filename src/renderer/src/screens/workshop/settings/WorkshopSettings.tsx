import type { WorkshopStore } from '../../../stores/workshop-store'
import { BaysPanel } from './BaysPanel'
import { ChecklistPanel } from './ChecklistPanel'
import { DisplayTokensPanel } from './DisplayTokensPanel'
import { TechniciansPanel } from './TechniciansPanel'

/** 车间设置 (workshop.configure): technicians' skills, bays, inspection checklists, wall-display tokens. */
export function WorkshopSettings({ store }: { store: WorkshopStore }) {
  return (
    <div className="ws-settings">
      <div className="ws-settings-col">
        <TechniciansPanel store={store} />
        <DisplayTokensPanel store={store} />
        <ChecklistPanel store={store} />
      </div>
      <BaysPanel store={store} />
    </div>
  )
}
