import type { ExportTableSpec } from '../spec'
import { EXPORT_TABLES } from './index'
import { kpiDaily } from './kpi-daily'

/** Every file a batch can hold: the exported tables and the KPI snapshot. */
export const BATCH_TABLES: readonly ExportTableSpec[] = [...EXPORT_TABLES, kpiDaily]
