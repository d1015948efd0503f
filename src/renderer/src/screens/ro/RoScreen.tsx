import { useEffect } from 'react'
import { Alert, App, Button, Skeleton } from 'antd'
import { useRo, useRoDraft, useSaveLines } from '../../stores/ro-store'
import { useT } from '../../i18n'
import { useHotkeys } from '../../hotkeys'
import { navigate } from '../../router'
import { RoHeader } from './RoHeader'
import { EstimateEditor } from './EstimateEditor'
import { TotalsPanel } from './TotalsPanel'
import { AuthorisationPanel } from './AuthorisationPanel'
import { CheckInSummary } from './CheckInSummary'
import { DocumentActivity } from '../../components/DocumentActivity'
import { CoverageRefusal } from './CoverageRefusal'
import { SanbaoBanner } from './SanbaoBanner'
import { InsurancePanel } from './insurance/InsurancePanel'

/** 工单: header, the estimate being written, its totals and the customer's authorisation. */
export function RoScreen({ id }: { id: number }) {
  const t = useT()
  // Coming back from the print preview keeps unsaved lines; anything else shows the saved order.
  const { ro, error, reload } = useRo(id)
  const conflict = useRoDraft((s) => s.conflict)
  const dirty = useRoDraft((s) => s.dirty)
  const { save: saveLines, saving, coverageRefusal, dismissRefusal } = useSaveLines()
  const { message } = App.useApp()

  // A refusal shows through the query layer's one error message.
  const save = async (overrideReason?: string) => {
    if (!useRoDraft.getState().dirty) return
    if (await saveLines(overrideReason)) void message.success(t('estimate.saved'))
  }

  useHotkeys({
    'Ctrl+S': () => void save(),
    'Ctrl+P': () => navigate({ name: 'roPrint', id }),
  })

  useEffect(() => {
    // A browser tab closed with unsaved lines asks first; the Electron window does the same.
    const warn = (event: BeforeUnloadEvent) => {
      if (useRoDraft.getState().dirty) event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [])

  if (error && !ro) return <Alert type="error" showIcon title={error} />
  if (!ro || ro.id !== id) return <Skeleton active />

  return (
    <div className="ro-screen">
      <RoHeader ro={ro} dirty={dirty} />
      {coverageRefusal && <CoverageRefusal failure={coverageRefusal} saving={saving} onOverride={(reason) => void save(reason)} onClose={dismissRefusal} />}
      <SanbaoBanner roId={ro.id} />
      {conflict && (
        <Alert
          type="error"
          showIcon
          className="conflict"
          title={conflict}
          description={t('estimate.conflictHint')}
          action={
            <Button danger onClick={() => void reload()}>
              {t('estimate.reload')}
            </Button>
          }
        />
      )}
      <div className="ro-body">
        <div className="ro-main">
          <EstimateEditor ro={ro} onSave={save} saving={saving} />
          <CheckInSummary ro={ro} />
        </div>
        <div className="ro-side">
          <TotalsPanel />
          <AuthorisationPanel ro={ro} />
        </div>
      </div>
      {ro.type === 'insurance' && <InsurancePanel roId={ro.id} />}
      <DocumentActivity kind="ro" id={ro.id} />
    </div>
  )
}
