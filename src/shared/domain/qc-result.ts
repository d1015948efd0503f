// One answer of the final-inspection checklist (竣工检验). Only what the inspector marked fail is
// a failure; an item left alone is "not checked", and a pass needs every item checked and ok.

export const QC_ITEM_RESULTS = ['ok', 'fail', 'not_checked'] as const
export type QcItemResult = (typeof QC_ITEM_RESULTS)[number]

/** An answer as sent: `result`, or the older `ok` flag (true = ok, false = fail); neither = not checked. */
export function itemResult(answer: { result?: QcItemResult | undefined; ok?: boolean | undefined }): QcItemResult {
  if (answer.result !== undefined) return answer.result
  if (answer.ok === undefined) return 'not_checked'
  return answer.ok ? 'ok' : 'fail'
}

export type QcRefusal = { key: 'workshop.qcPassWithFailures'; count: number } | { key: 'workshop.qcPassNotAllChecked'; count: number } | null

/** Why the inspection cannot have this result, or null. A fail needs only its rework (checked elsewhere). */
export function refuseResult(result: 'pass' | 'fail', answers: readonly QcItemResult[]): QcRefusal {
  if (result === 'fail') return null
  const failed = answers.filter((a) => a === 'fail').length
  if (failed > 0) return { key: 'workshop.qcPassWithFailures', count: failed }
  const unchecked = answers.filter((a) => a === 'not_checked').length
  if (unchecked > 0) return { key: 'workshop.qcPassNotAllChecked', count: unchecked }
  return null
}

/** Stored as (checked, ok): not checked is (0, 0). */
export function storedResult(checked: number, ok: number): QcItemResult {
  if (checked === 0) return 'not_checked'
  return ok === 1 ? 'ok' : 'fail'
}
