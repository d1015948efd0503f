import { Tag } from 'antd'
import { RO_STATES, type RoState } from '../../../../../shared/domain/ro-state'
import { useT, type T } from '../../../i18n'
import { stateColour } from '../../ro/state-colour'

const isRoState = (v: string): v is RoState => (RO_STATES as readonly string[]).includes(v)

/** The repair order's state as the desk shows it (the parts channels carry it as text). */
export function RoStateTag({ state }: { state: string }) {
  const t = useT()
  return isRoState(state) ? <Tag color={stateColour(state)}>{t(`roState.${state}`)}</Tag> : <Tag>{state}</Tag>
}

export function roStateText(t: T, state: string): string {
  return isRoState(state) ? t(`roState.${state}`) : state
}
