import { BaysPanel } from './BaysPanel'
import { ChecklistPanel } from './ChecklistPanel'
import { DisplayTokensPanel } from './DisplayTokensPanel'
import { TechniciansPanel } from './TechniciansPanel'

/** 车间设置 (workshop.configure): technicians' skills, bays, inspection checklists, wall-display tokens. */
export function WorkshopSettings() {
  return (
    <div className="ws-settings">
      <div className="ws-settings-col">
        <TechniciansPanel />
        <DisplayTokensPanel />
        <ChecklistPanel />
      </div>
      <BaysPanel />
    </div>
  )
}
