import { useRef, useState } from 'react'
import { Button, type InputRef } from 'antd'
import { useHotkeys } from '../../hotkeys'
import { navigate, type Route } from '../../router'
import { SearchPanel } from './SearchPanel'
import { VehiclePanel } from './VehiclePanel'
import { RegisterForm } from './RegisterForm'
import { DeskHint } from './DeskHint'
import { useT } from '../../i18n'
import { useCan } from '../../permissions'
import { ComplaintRegisterModal } from '../care/ComplaintRegisterModal'

type ReceptionRoute = Extract<Route, { name: 'reception' }>

/** 前台接待: find the car or the customer first, then act on it. */
export function ReceptionScreen({ route }: { route: ReceptionRoute }) {
  const t = useT()
  const searchRef = useRef<InputRef>(null)
  const canComplain = useCan('care.complaints')
  const [complaint, setComplaint] = useState(false)
  useHotkeys({
    F2: () => searchRef.current?.focus({ cursor: 'all' }),
    'Alt+N': () => navigate({ name: 'reception', register: true }),
    'Alt+T': () => canComplain && setComplaint(true),
  })

  return (
    <div className="desk">
      <aside className="desk-search">
        <SearchPanel inputRef={searchRef} />
        {canComplain && (
          <Button block className="desk-complaint" title="Alt+T" onClick={() => setComplaint(true)}>
            {t('careDesk.register')}
          </Button>
        )}
      </aside>
      <section className="desk-main">
        {route.vehicleId ? (
          <VehiclePanel vehicleId={route.vehicleId} key={route.vehicleId} />
        ) : route.register ? (
          <RegisterForm ownerId={route.ownerId} key={route.ownerId ?? 'new'} />
        ) : (
          <DeskHint />
        )}
      </section>
      {complaint && <ComplaintRegisterModal vehicleId={route.vehicleId} onClose={() => setComplaint(false)} />}
    </div>
  )
}
