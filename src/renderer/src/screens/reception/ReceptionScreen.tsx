import { useRef } from 'react'
import type { InputRef } from 'antd'
import { useHotkeys } from '../../hotkeys'
import { navigate, type Route } from '../../router'
import { SearchPanel } from './SearchPanel'
import { VehiclePanel } from './VehiclePanel'
import { RegisterForm } from './RegisterForm'
import { DeskHint } from './DeskHint'

type ReceptionRoute = Extract<Route, { name: 'reception' }>

/** 前台接待: find the car or the customer first, then act on it. */
export function ReceptionScreen({ route }: { route: ReceptionRoute }) {
  const searchRef = useRef<InputRef>(null)
  useHotkeys({
    F2: () => searchRef.current?.focus({ cursor: 'all' }),
    'Alt+N': () => navigate({ name: 'reception', register: true }),
  })

  return (
    <div className="desk">
      <aside className="desk-search">
        <SearchPanel inputRef={searchRef} />
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
    </div>
  )
}
