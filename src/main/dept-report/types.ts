import type { z } from 'zod'
import type { deptReportContract } from '../../shared/contract/dept-report'

type Section = typeof deptReportContract
export type In<C extends keyof Section> = z.output<Section[C]['input']>
export type Out<C extends keyof Section> = z.output<Section[C]['output']>
