// Warranty old parts (索赔旧件) on the warranty desk's shelf: a tagged warranty part is kept for its
// claim at a storage place, either to be returned to the maker by a date (回运件) or kept on site
// until a date and then scrapped with authorisation (留存件), as the maker's rule says.

export const PART_HANDLINGS = ['return', 'retain'] as const
export type PartHandling = (typeof PART_HANDLINGS)[number]

/** Where a warranty old part is: tagged but not kept yet, on the shelf, packed in an open shipment, shipped, received by the maker, scrapped. */
export const SHELF_STATES = ['pending', 'kept', 'packed', 'shipped', 'received', 'scrapped'] as const
export type ShelfState = (typeof SHELF_STATES)[number]

export const SHIPMENT_STATES = ['open', 'shipped', 'received'] as const
export type ShipmentState = (typeof SHIPMENT_STATES)[number]

/** Claims whose money is settled: their retained parts may be scrapped once the retention ends. */
export const CLAIM_SETTLED_STATES = ['paid', 'written_off'] as const

/** What the label's QR code carries: claim, VIN, part number and the date kept, `|`-separated. */
export function labelPayload(p: { claimNumber: string; vin: string; partNumber: string | null; keptOn: string }): string {
  return [p.claimNumber, p.vin, p.partNumber ?? '', p.keptOn.replaceAll('-', '')].join('|')
}

/**
 * The maker's old-part rule when a make has none of its own (row '' of warranty_part_rules, seeded
 * by migration 0015): return within 30 days of keeping the part, or keep it 90 days on site.
 */
export const PART_RULE_DEFAULT = { returnDays: 30, retainDays: 90 } as const
/** Return and retention periods a make's rule may set, in days (up to ten years). */
export const PART_RULE_DAYS = { min: 1, max: 3650 } as const
