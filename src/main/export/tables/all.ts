import { kpiDaily } from '../kpi'
import type { ExportTableSpec } from '../spec'
import { EXPORT_TABLES } from './index'

/** Every file a batch can hold: the exported tables and the KPI snapshot. */
export const BATCH_TABLES: readonly ExportTableSpec[] = [...EXPORT_TABLES, kpiDaily]
