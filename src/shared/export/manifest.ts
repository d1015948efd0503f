import { z } from 'zod'
import { PERSONAL_DATA_MODES } from '../contract/data'

// manifest.json: written last in a batch; its presence means the batch is complete.

export const FORMAT = 'dealer-aftersales-export'
/**
 * The batch format's version (docs/export-format.md, "Schema versions"): 2 added
 * job_time_segments.short_confirmed_by/at and the rule_params table; 3 the attachments table and the warranty desk's tables;
 * 4 the care desk's follow-ups (care_followups).
 * Readers accept 1 … this.
 */
export const SCHEMA_VERSION = 4
export const MANIFEST = 'manifest.json'

export const Watermark = z.union([
  z.strictObject({ at: z.string(), id: z.number().int() }),
  z.strictObject({ id: z.number().int() }),
  z.strictObject({ hash: z.string() }),
])
export type Watermark = z.infer<typeof Watermark>
export type Watermarks = Record<string, Watermark>

export const ManifestFile = z.strictObject({
  table: z.string(),
  file: z.string().regex(/^[a-z0-9_]+\.jsonl\.gz$/),
  mode: z.enum(['upsert', 'append', 'replace-children', 'snapshot']),
  naturalKey: z.array(z.string()).min(1),
  updatedAt: z.string().nullable(),
  parent: z.strictObject({ table: z.string(), column: z.string() }).nullable(),
  rows: z.number().int().min(0),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
})
export type ManifestFile = z.infer<typeof ManifestFile>

export const Manifest = z.strictObject({
  format: z.literal(FORMAT),
  schemaVersion: z.number().int().min(1).max(SCHEMA_VERSION),
  batchId: z.string(),
  seq: z.number().int().positive(),
  dealerCode: z.string(),
  firstBusinessDate: z.iso.date(),
  businessDate: z.iso.date(),
  previousBatchId: z.string().nullable(),
  createdAt: z.string(),
  cutoff: z.string(),
  timeZone: z.string(),
  personalData: z.enum(PERSONAL_DATA_MODES),
  files: z.array(ManifestFile),
  watermarks: z.record(z.string(), Watermark),
})
export type Manifest = z.infer<typeof Manifest>

/** `TEST01-20261127-000042`: dealer, last business day covered, sequence. Never reused. */
export function batchIdOf(dealerCode: string, businessDate: string, seq: number): string {
  return `${dealerCode}-${businessDate.replaceAll('-', '')}-${String(seq).padStart(6, '0')}`
}
