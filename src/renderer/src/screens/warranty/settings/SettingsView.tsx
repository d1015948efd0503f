import { CheckRulesSettings } from './CheckRulesSettings'
import { PartRulesSettings } from './PartRulesSettings'

/** The warranty desk's settings tab: the pre-submission check rules and the per-make old-part rules. */
export function SettingsView() {
  return (
    <div className="wty-settings">
      <CheckRulesSettings />
      <PartRulesSettings />
    </div>
  )
}
