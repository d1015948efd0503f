import type { Envelope } from '../../../shared/contract'

export type Failure = Extract<Envelope<unknown>, { ok: false }>

export interface FieldProblem {
  /** Form path, e.g. `['newOwner', 'mobile']`; numeric segments stay numbers for Form.List. */
  name: (string | number)[]
  errors: string[]
}

/** The envelope's field issues as form paths, merged per field. */
export function fieldProblems(failure: Failure): FieldProblem[] {
  const byField = new Map<string, FieldProblem>()
  for (const issue of failure.details?.fields ?? []) {
    if (!issue.field) continue
    const existing = byField.get(issue.field)
    if (existing) existing.errors.push(issue.message)
    else byField.set(issue.field, { name: issue.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [issue.message] })
  }
  return [...byField.values()]
}

/** Thrown by stores when a call fails, so screens can await and catch one kind of error. */
export class ApiFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message)
    this.name = 'ApiFailure'
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new ApiFailure(envelope)
  return envelope.data
}
