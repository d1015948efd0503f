import type { ExportTableSpec } from '../spec'
import { EXPORT_TABLES } from './index'
import { kpiDaily } from './kpi-daily'
import { ruleParams } from './rule-params'

/** Every file a batch can hold: the exported tables, the KPI snapshot and the rule parameters. */
export const BATCH_TABLES: readonly ExportTableSpec[] = [...EXPORT_TABLES, kpiDaily, ruleParams]
