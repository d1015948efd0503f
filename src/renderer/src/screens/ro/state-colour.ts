import type { RoState } from '../../../../shared/domain/ro-state'

const COLOURS: Record<RoState, string> = {
  estimate: 'gold',
  authorised: 'green',
  in_progress: 'blue',
  quality_check: 'purple',
  washing: 'lime',
  ready: 'cyan',
  settled: 'default',
  delivered: 'default',
  cancelled: 'red',
}

export const stateColour = (state: RoState): string => COLOURS[state]
