import { sql, type RawBuilder } from 'kysely'
import type { EvalEnv } from './context'

// 当月回款 — the one definition of "collected within the month", read by the dashboard target
// `insurance_collection`, its drill-down and the insurance figures per insurer (the head-office
// views mirror it):
//
//   an insurer invoice (payer insurance, kind invoice, not reversed) counts in the month it was
//   issued; it is collected within the month when what was paid on it in that same calendar month
//   covers it in full. Rate = invoices collected within the month ÷ invoices issued in it, where a
//   running month's invoice not yet paid in full is left out (pending: it may still be paid).
//
// One row per invoice, so every figure is a count over exactly the rows its drill-down lists.
// raw SQL: correlated sums of payments per invoice and month arithmetic on local ISO text (the
// first 7 characters are the local month); the builder would only wrap the same text.

export interface CollectionInvoiceRow {
  id: number
  ro_id: number
  number: string
  insurer: string | null
  claim_no: string | null
  issued_at: string
  gross_fen: number
  /** `YYYY-MM` of issue. */
  m: string
  /** Paid within the month of issue, never more than the invoice. */
  in_month: number
  /** Paid so far, whenever. */
  paid: number
  last_paid_at: string | null
  /** 1 when paid in full within the month of issue. */
  collected: number
  /** 1 for a running month's invoice not yet paid in full (left out of the rate). */
  pending: number
}

/** The insurer invoices issued in `[from, to)` (`to` null: no end), optionally of one insurer. */
export function collectionInvoices(env: EvalEnv, from: string, to: string | null, insurer?: string): RawBuilder<CollectionInvoiceRow> {
  const current = env.nowIso.slice(0, 7)
  return sql<CollectionInvoiceRow>`SELECT x.*, x.in_month >= x.gross_fen AS collected,
          x.m = ${current} AND x.paid < x.gross_fen AS pending
     FROM (SELECT i.id, i.ro_id, i.number, i.insurer, i.claim_no, i.issued_at, i.gross_fen, substr(i.issued_at, 1, 7) AS m,
                  MIN(i.gross_fen, COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id
                    AND substr(p.at, 1, 7) = substr(i.issued_at, 1, 7)), 0)) AS in_month,
                  COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id), 0) AS paid,
                  (SELECT MAX(p.at) FROM payments p WHERE p.invoice_id = i.id AND p.amount_fen > 0) AS last_paid_at
             FROM invoices i
            WHERE i.payer = 'insurance' AND i.kind = 'invoice' AND i.state = 'issued'
              AND i.issued_at >= ${from} ${to === null ? sql`` : sql`AND i.issued_at < ${to}`}
              ${insurer === undefined ? sql`` : sql`AND i.insurer = ${insurer}`}) x`
}

/** The target's monthly counts: collected within the month (n) ÷ issued and decided (d). */
export function collectionMonthRows(env: EvalEnv, from: string, to: string | null): RawBuilder<{ m: string; n: number; d: number }> {
  return sql<{ m: string; n: number; d: number }>`SELECT c.m, SUM(c.collected) AS n, SUM(1 - c.pending) AS d
     FROM (${collectionInvoices(env, from, to)}) c GROUP BY c.m`
}
