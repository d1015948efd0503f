// Letting a warranty line outside the vehicle's coverage through, on the RO and on approved additional work.
export const lineCheck = {
  'lineCheck.title': 'Warranty line outside coverage',
  'lineCheck.item': '{coverage}: covered until {untilDate} / {untilKm}',
  'lineCheck.endedBy.date': 'expired',
  'lineCheck.endedBy.km': 'over the km limit',
  'lineCheck.reason': 'Reason for letting it through',
  'lineCheck.reasonPlaceholder': 'e.g. the maker agreed to goodwill (letter no. …)',
  'lineCheck.override': 'Let through with this reason',
  'lineCheck.needs': 'Letting this through needs: {roles}. Choose another payer, or ask them.',
}
