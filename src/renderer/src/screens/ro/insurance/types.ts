import type { OutputOf } from '../../../../../shared/contract/types'
import type { Contract } from '../../../../../shared/contract'

// The insurance view's shape, named once for the panel's parts.
export type InsuranceViewT = OutputOf<Contract['insurance.get']>
export type InsuranceLineT = InsuranceViewT['lines'][number]
