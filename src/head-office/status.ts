import type pg from 'pg'

// Each dealership's position: its last applied batch, gaps in its chain (sequence numbers never
// seen between its first and last), and batches held or quarantined with their reasons.

export interface DealerStatus {
  dealerCode: string
  lastBatchId: string | null
  lastBusinessDate: string | null
  applied: number
  missingSeqs: number[]
  held: { batchId: string; reason: string }[]
  quarantined: { batchId: string; reason: string }[]
}

export interface GroupStatus {
  dealers: DealerStatus[]
  refusedFolders: { folder: string; reason: string }[]
}

export async function groupStatus(client: pg.ClientBase): Promise<GroupStatus> {
  const batches = (
    await client.query<{ dealer_code: string; batch_id: string; seq: number; status: string; reason: string | null }>(
      'SELECT dealer_code, batch_id, seq, status, reason FROM loader.batches ORDER BY dealer_code, seq',
    )
  ).rows
  const dealers = new Map(
    (
      await client.query<{ dealer_code: string; last_batch_id: string; last_business_date: string }>(
        "SELECT dealer_code, last_batch_id, to_char(last_business_date, 'YYYY-MM-DD') AS last_business_date FROM loader.dealers",
      )
    ).rows.map((d) => [d.dealer_code, d]),
  )
  const codes = [...new Set([...dealers.keys(), ...batches.map((b) => b.dealer_code)])].sort()
  const out: DealerStatus[] = codes.map((code) => {
    const own = batches.filter((b) => b.dealer_code === code)
    const seqs = new Set(own.map((b) => b.seq))
    const max = Math.max(0, ...own.map((b) => b.seq))
    const missing: number[] = []
    for (let s = 1; s < max; s++) if (!seqs.has(s)) missing.push(s)
    const d = dealers.get(code)
    return {
      dealerCode: code,
      lastBatchId: d?.last_batch_id ?? null,
      lastBusinessDate: d?.last_business_date ?? null,
      applied: own.filter((b) => b.status === 'applied').length,
      missingSeqs: missing,
      held: own.filter((b) => b.status === 'held').map((b) => ({ batchId: b.batch_id, reason: b.reason ?? '' })),
      quarantined: own.filter((b) => b.status === 'quarantined').map((b) => ({ batchId: b.batch_id, reason: b.reason ?? '' })),
    }
  })
  const refused = (await client.query<{ folder: string; reason: string }>('SELECT folder, reason FROM loader.refused_folders ORDER BY at')).rows
  return { dealers: out, refusedFolders: refused }
}

export function formatStatus(s: GroupStatus): string {
  const lines = ['dealer    last batch                  applied  gaps (seq)        held  quarantined  last business day']
  for (const d of s.dealers) {
    const gaps = d.missingSeqs.length ? d.missingSeqs.slice(0, 8).join(',') + (d.missingSeqs.length > 8 ? '…' : '') : '-'
    lines.push(`${d.dealerCode.padEnd(9)} ${(d.lastBatchId ?? '(none)').padEnd(27)} ${String(d.applied).padStart(7)}  ${gaps.padEnd(16)} ${String(d.held.length).padStart(5)}  ${String(d.quarantined.length).padStart(11)}  ${d.lastBusinessDate ?? '-'}`)
    for (const h of d.held) lines.push(`  held ${h.batchId}: ${h.reason}`)
    for (const q of d.quarantined) lines.push(`  quarantined ${q.batchId}: ${q.reason}`)
  }
  for (const r of s.refusedFolders) lines.push(`  refused folder ${r.folder}: ${r.reason}`)
  return lines.join('\n')
}
