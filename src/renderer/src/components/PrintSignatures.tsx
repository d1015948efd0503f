import type { ReactNode } from 'react'

/** One place to sign on paper: the line with who signs under it, and what already stands above it (a signature image). */
export interface SignatureSpot {
  label: string
  above?: ReactNode
}

/** The row of signature lines at the foot of a printed document (the sheet's grid sets the columns). */
export function PrintSignatures({ spots, className }: { spots: readonly SignatureSpot[]; className?: string }) {
  return (
    <div className={className ? `print-signatures ${className}` : 'print-signatures'}>
      {spots.map((spot) => (
        <div key={spot.label}>
          {spot.above}
          <div className="print-sign-line">{spot.label}</div>
        </div>
      ))}
    </div>
  )
}
