// Coverage at the desk, and letting a warranty line outside the vehicle's coverage through, on the RO and on approved additional work.
export const lineCheck = {
  'lineCheck.title': 'Warranty line outside coverage',
  'lineCheck.item': '{coverage}: covered until {untilDate} / {untilKm}',
  'lineCheck.endedBy.date': 'expired',
  'lineCheck.endedBy.km': 'over the km limit',
  'lineCheck.reason': 'Reason for letting it through',
  'lineCheck.reasonPlaceholder': 'e.g. the maker agreed to goodwill (letter no. …)',
  'lineCheck.override': 'Let through with this reason',
  'lineCheck.needs': 'Letting this through needs: {roles}. Choose another payer, or ask them.',
  'coverage.title': 'Warranty coverage',
  'coverage.since': 'from {date} ({source})',
  'coverage.source.delivery': 'delivery',
  'coverage.source.first_registration': 'first registration',
  'coverage.until': 'until {date} / {km}',
  'coverage.left': 'covered · {days} days / {km} left',
  'coverage.noStart': 'Warranty start unknown: the warranty clerk records the delivery date',
}
