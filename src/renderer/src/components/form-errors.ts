import type { FormInstance } from 'antd'
import { fieldProblems, type Failure } from '../api/failure'

const same = (a: readonly (string | number)[], b: readonly (string | number)[]) =>
  a.length === b.length && a.every((part, i) => String(part) === String(b[i]))

/**
 * Puts the host's field problems on the form fields they name. Returns the problems no field
 * of this form shows, so the caller can show those with the summary message.
 */
export function applyFailure(form: FormInstance, failure: Failure): string[] {
  const registered = form.getFieldsError().map((f) => f.name)
  const problems = fieldProblems(failure)
  const shown = problems.filter((p) => registered.some((name) => same(name, p.name)))
  form.setFields(shown.map((p) => ({ name: p.name, errors: p.errors })))
  return problems.filter((p) => !shown.includes(p)).flatMap((p) => p.errors)
}

/**
 * What to show above the form after `applyFailure`: nothing when every problem already stands
 * at its field, otherwise the host's whole message.
 */
export function summaryOf(unshown: string[], failure: Failure): string | null {
  const fields = failure.details?.fields ?? []
  return fields.length > 0 && unshown.length === 0 ? null : failure.message
}
