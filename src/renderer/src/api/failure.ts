import type { Envelope } from '../../../shared/contract'
import { COVERAGES, type Coverage } from '../../../shared/domain/warranty'

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

/** One coverage a refused warranty line is outside of (the host's `warranty.lineOutOfCoverage` details). */
export interface OutOfCoverage {
  coverage: Coverage
  untilDate: string
  untilKm: number
  endedBy: 'date' | 'km' | null
}

const isItem = (v: unknown): v is OutOfCoverage =>
  typeof v === 'object' && v !== null && COVERAGES.includes((v as OutOfCoverage).coverage) && typeof (v as OutOfCoverage).untilDate === 'string'

/** The coverages a refusal names, when it is the out-of-coverage refusal; else null. */
export function outOfCoverage(failure: Failure | null | undefined): OutOfCoverage[] | null {
  const list = failure?.details?.['outOfCoverage']
  if (!Array.isArray(list)) return null
  const items = list.filter(isItem)
  return items.length > 0 ? items : null
}
