import { addDays, localDate } from '../../../shared/domain/calendar'
import { first } from '../../store/query'
import { singleHit, type Evaluator } from './types'

// Warranty old parts (旧件) on the warranty desk's shelf: parts the maker wants back that are more
// than `graceDays` past their return date and not yet in a shipment; and retained parts whose
// retention ended and whose claim is paid or written off, so they can be scrapped with
// authorisation. Each is one department alert for the warranty clerk with how many, the oldest
// part's tag and claim, and its date; shipping or scrapping them clears it.

export const warrantyPartReturnOverdue: Evaluator<'warranty_part_return_overdue'> = {
  kind: 'warranty_part_return_overdue',
  hits(env, p) {
    const cutoff = addDays(localDate(env.now, env.timeZone), -p.graceDays)
    const late = env.store.db
      .selectFrom('warranty_old_parts as w')
      .innerJoin('old_parts as o', 'o.id', 'w.old_part_id')
      .innerJoin('warranty_claims as c', 'c.id', 'w.claim_id')
      .where('w.handling', '=', 'return')
      .where('w.shipment_id', 'is', null)
      .where('w.scrapped_at', 'is', null)
      .where('w.due_on', '<', cutoff)
    const count = first(env.store, late.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0
    const oldest = first(env.store, late.select(['o.tag', 'c.number', 'w.due_on']).orderBy('w.due_on').orderBy('o.tag').limit(1))
    return singleHit(count > 0, 'breach', 'alert.warrantyPartsReturnOverdue', { count, tag: oldest?.tag ?? '', number: oldest?.number ?? '', dueOn: oldest?.due_on ?? '' })
  },
}

export const warrantyPartScrappable: Evaluator<'warranty_part_scrappable'> = {
  kind: 'warranty_part_scrappable',
  hits(env) {
    const today = localDate(env.now, env.timeZone)
    const ready = env.store.db
      .selectFrom('warranty_old_parts as w')
      .innerJoin('old_parts as o', 'o.id', 'w.old_part_id')
      .innerJoin('warranty_claims as c', 'c.id', 'w.claim_id')
      .where('w.handling', '=', 'retain')
      .where('w.shipment_id', 'is', null)
      .where('w.scrapped_at', 'is', null)
      .where('w.due_on', '<', today)
      .where('c.state', 'in', ['paid', 'written_off'])
    const totals = first(env.store, ready.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('c.id').distinct().as('claims')]))
    const oldest = first(env.store, ready.select(['o.tag', 'c.number', 'w.due_on', 'c.paid_fen']).orderBy('w.due_on').orderBy('o.tag').limit(1))
    const count = totals?.n ?? 0
    return singleHit(count > 0, 'warning', 'alert.warrantyPartsScrappable', {
      count,
      claims: totals?.claims ?? 0,
      tag: oldest?.tag ?? '',
      number: oldest?.number ?? '',
      dueOn: oldest?.due_on ?? '',
      paidFen: oldest?.paid_fen ?? 0,
    })
  },
}
