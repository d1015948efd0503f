import { useEffect } from 'react'
import { Alert, App, Button, Skeleton } from 'antd'
import { useStore } from 'zustand'
import { useStores } from '../../stores/context'
import { useT } from '../../i18n'
import { useHotkeys } from '../../hotkeys'
import { navigate } from '../../router'
import { RoHeader } from './RoHeader'
import { EstimateEditor } from './EstimateEditor'
import { TotalsPanel } from './TotalsPanel'
import { AuthorisationPanel } from './AuthorisationPanel'
import { CheckInSummary } from './CheckInSummary'
import { DocumentActivity } from '../../components/DocumentActivity'

/** 工单: header, the estimate being written, its totals and the customer's authorisation. */
export function RoScreen({ id }: { id: number }) {
  const t = useT()
  const store = useStores().ro
  const ro = useStore(store, (s) => s.ro)
  const error = useStore(store, (s) => s.error)
  const conflict = useStore(store, (s) => s.conflict)
  const dirty = useStore(store, (s) => s.dirty)
  const { message } = App.useApp()

  useEffect(() => {
    // Coming back from the print preview keeps unsaved lines; anything else shows the saved order.
    const current = store.getState()
    if (current.ro?.id === id && current.dirty) return
    void current.load(id)
  }, [store, id])

  const save = async () => {
    if (!store.getState().dirty) return
    const failure = await store.getState().save()
    if (failure) void message.error(failure.message)
    else void message.success(t('estimate.saved'))
  }

  useHotkeys({
    'Ctrl+S': () => void save(),
    'Ctrl+P': () => navigate({ name: 'roPrint', id }),
  })

  useEffect(() => {
    // A browser tab closed with unsaved lines asks first; the Electron window does the same.
    const warn = (event: BeforeUnloadEvent) => {
      if (store.getState().dirty) event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [store])

  if (error && !ro) return <Alert type="error" showIcon title={error} />
  if (!ro || ro.id !== id) return <Skeleton active />

  return (
    <div className="ro-screen">
      <RoHeader ro={ro} dirty={dirty} />
      {conflict && (
        <Alert
          type="error"
          showIcon
          className="conflict"
          title={conflict}
          description={t('estimate.conflictHint')}
          action={
            <Button danger onClick={() => void store.getState().reload()}>
              {t('estimate.reload')}
            </Button>
          }
        />
      )}
      <div className="ro-body">
        <div className="ro-main">
          <EstimateEditor ro={ro} onSave={save} />
          <CheckInSummary ro={ro} />
        </div>
        <div className="ro-side">
          <TotalsPanel />
          <AuthorisationPanel ro={ro} />
        </div>
      </div>
      <DocumentActivity kind="ro" id={ro.id} />
    </div>
  )
}
