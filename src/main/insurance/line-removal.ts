import type { UserCtx } from '../api/context'
import { AppError } from '../api/app-error'
import type { RemovedLine } from '../repair-order/line-check'
import { first } from '../store/query'

// An assessed amount (定损) or a supplement (追加定损) is what the insurer's assessor agreed for one
// RO line. Saving the estimate without that line would silently change what the insurer is billed,
// so the save is refused, naming the line and the claim: the advisor first takes the amount out of
// the assessment, then removes the line. A supplement is the assessor's own later record and stays
// with its line: such a line is kept (set its quantity or price instead if the work changed).

export function refuseRemovingAssessedLines(ctx: UserCtx, _roId: number, removed: readonly RemovedLine[]): void {
  if (removed.length === 0) return
  const ids = removed.map((l) => l.id)
  const db = ctx.store.db
  const refuse = (key: string, row: { ro_line_id: number; report_no: string } | undefined): void => {
    if (!row) return
    const line = removed.find((l) => l.id === row.ro_line_id)!
    throw new AppError('INVALID_STATE', key, { position: line.position, description: line.description, reportNo: row.report_no })
  }
  refuse(
    'insurance.lineAssessedCannotGo',
    first(
      ctx.store,
      db
        .selectFrom('insurance_assessment_lines as a')
        .innerJoin('insurance_claims as c', 'c.id', 'a.claim_id')
        .select(['a.ro_line_id', 'c.report_no'])
        .where('a.ro_line_id', 'in', ids)
        .orderBy('a.ro_line_id'),
    ),
  )
  refuse(
    'insurance.lineSupplementedCannotGo',
    first(
      ctx.store,
      db
        .selectFrom('insurance_supplements as s')
        .innerJoin('insurance_claims as c', 'c.id', 's.claim_id')
        .select(['s.ro_line_id', 'c.report_no'])
        .where('s.ro_line_id', 'in', ids)
        .orderBy('s.ro_line_id'),
    ),
  )
}
