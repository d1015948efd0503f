import type { UserCtx } from '../api/context'
import { AppError, fieldError } from '../api/app-error'
import { roleHas } from '../../shared/domain/roles'
import { localDate } from '../../shared/domain/calendar'
import { first } from '../store/query'
import { saveClaim } from '../insurance/claim-save'
import type { In } from './types'

// An accident car marked at the desk (保险事故): the RO opens with its insurance claim in the same
// transaction — the insurer and the report number (报案号) from the desk, reported and arrived
// today, the insured the vehicle's owner until the advisor says otherwise on the RO's insurance
// panel, where the policy, deductible and assessment are filled in.

type DeskInsurance = NonNullable<In<'ro.checkIn'>['insurance']>

/** Refusals decided before the RO is written: the permission, and a report number already open. */
export function checkDeskInsurance(ctx: UserCtx, insurance: DeskInsurance): void {
  if (!roleHas(ctx.user.role, 'insurance.write')) {
    throw new AppError('FORBIDDEN', 'error.FORBIDDEN', { permission: 'permission.insurance.write' }, { fields: [{ field: 'insurance', message: 'error.FORBIDDEN' }] })
  }
  const taken = first(
    ctx.store,
    ctx.store.db
      .selectFrom('insurance_claims as c')
      .innerJoin('repair_orders as r', 'r.id', 'c.ro_id')
      .select('r.number')
      .where('c.insurer', '=', insurance.insurer)
      .where('c.report_no', '=', insurance.reportNo)
      .where('r.state', '<>', 'cancelled'),
  )
  if (taken) throw fieldError('VALIDATION', 'insurance.reportNo', 'checkIn.reportNoTaken', { reportNo: insurance.reportNo, insurer: insurance.insurer, number: taken.number })
}

export function openDeskClaim(ctx: UserCtx, roId: number, ownerName: string, insurance: DeskInsurance): void {
  const today = localDate(ctx.clock.now(), ctx.timeZone)
  saveClaim(ctx, {
    roId,
    version: 0,
    insurer: insurance.insurer,
    policyNo: insurance.policyNo,
    reportNo: insurance.reportNo,
    insuredName: ownerName,
    deductibleFen: 0,
    assessor: '',
    reportedOn: today,
    arrivedOn: today,
    assessedOn: null,
    note: '',
    lines: [],
  })
}
