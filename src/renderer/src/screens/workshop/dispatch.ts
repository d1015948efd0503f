import type { Failure } from '../../api/failure'
import type { useWorkshopWrite } from '../../stores/workshop-store'

type WorkshopWrite = ReturnType<typeof useWorkshopWrite>

export interface DispatchChoice {
  technicianId: number
  bayId?: number
  /** The supervisor's reason for putting the job into an occupied bay or with a technician lacking the skill. */
  override?: string
}

/** Dispatches the lines one after another with the same technician and bay; stops at the first refusal. */
export async function dispatchLines(write: WorkshopWrite, lineIds: readonly number[], choice: DispatchChoice): Promise<Failure | null> {
  for (const lineId of lineIds) {
    const result = await write('workshop.dispatch', {
      lineId,
      technicianId: choice.technicianId,
      ...(choice.bayId === undefined ? {} : { bayId: choice.bayId }),
      ...(choice.override ? { override: choice.override } : {}),
    })
    if (!result.ok) return result
  }
  return null
}

/**
 * Refusals a supervisor may overrule with a recorded reason: the bay is taken by another car
 * (CONFLICT naming the occupying order) or the technician lacks the job's skill.
 */
export function isOverridable(failure: Failure): boolean {
  const details = failure.details ?? {}
  if (failure.code === 'CONFLICT') return 'occupiedByRoId' in details
  return failure.code === 'INVALID_STATE' && (details.fields ?? []).some((f) => f.field === 'technicianId')
}
