import { col, type ExportTableSpec } from '../spec'

// The KPI snapshot's declaration (its figures are computed by the dealership in src/main/export/kpi.ts).

export const kpiDaily: ExportTableSpec = {
  name: 'kpi_daily',
  description: 'KPI snapshot per business day, metric and dimension (an RO type, a status, or "" for the total).',
  naturalKey: ['business_date', 'metric', 'dimension'],
  updatedAt: 'computed_at',
  tracking: { kind: 'updated', column: 'computed_at' },
  columns: [col.date('business_date'), col.text('metric'), col.text('dimension'), col.int('value'), col.at('computed_at')],
}
