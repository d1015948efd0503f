import type { BayKind, Skill } from '../../shared/domain/workshop-resources'
import type { OpenOrder } from './seed-orders'
import type { Technician } from './shop-schedule'
import type { World } from './world'
import { all } from '../store/query'

// The workshop's people and places: a profile with skills for every demo technician, and the bays
// (工位) of a typical 4S-store workshop — a row of lifts, the alignment bay, the paint booth, the
// wash and a quick-service bay.

// Trades per technician, in the order they were hired: every trade is covered by two people from
// six technicians on, and one senior may run two jobs at once (e.g. a diagnosis while a car drains).
const SKILL_SETS: readonly (readonly Skill[])[] = [
  ['general', 'mechanical'],
  ['general', 'electrical'],
  ['mechanical', 'electrical', 'ev'],
  ['body', 'general'],
  ['paint', 'body'],
  ['general', 'mechanical', 'ev'],
  ['general', 'electrical', 'mechanical'],
  ['mechanical', 'general'],
  ['body', 'paint'],
  ['ev', 'electrical', 'general'],
]

export function insertTechnicians(w: World, nowIso: string): Technician[] {
  const { store } = w
  const users = all(store, store.db.selectFrom('users').select(['id', 'username']).where('role', '=', 'technician').where('active', '=', 1).orderBy('id'))
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const profile = store.prepare('INSERT INTO technicians (user_id, allow_parallel, updated_at) VALUES (?, ?, ?)')
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const skill = store.prepare('INSERT INTO technician_skills (user_id, skill) VALUES (?, ?)')
  return users.map((u, i) => {
    const skills = SKILL_SETS[i % SKILL_SETS.length]!
    profile.run(u.id, i === 2 ? 1 : 0, nowIso)
    for (const s of skills) skill.run(u.id, s)
    return { id: u.id, username: u.username, skills }
  })
}

export function insertBays(w: World, technicians: number, nowIso: string): void {
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insert = w.store.prepare('INSERT INTO bays (code, name, kind, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
  const bays: [string, string, BayKind][] = [
    ...Array.from({ length: Math.max(8, technicians) }, (_, i): [string, string, BayKind] => [`L${String(i + 1).padStart(2, '0')}`, `工位${i + 1}（举升机）`, 'lift']),
    ['ALIGN', '四轮定位工位', 'alignment'],
    ['PAINT', '喷漆房', 'paint_booth'],
    ['WASH', '洗车位', 'wash'],
    ['QUICK', '快修工位', 'general'],
  ]
  for (const [code, name, kind] of bays) insert.run(code, name, kind, 1, nowIso, nowIso)
  // A lift out of service for its yearly inspection: the board leaves it out.
  insert.run('L99', '旧举升机（停用检修）', 'lift', 0, nowIso, nowIso)
}

/** Parts today's cars need from the shelf, and the ones that must be missing (the car waits for them). */
export interface ShopParts {
  needs: Map<number, number>
  missing: Set<number>
}

/** The part a car waiting for parts is missing: that of its last part line (the job left paused). */
export function missingPartOf(w: World, roId: number): number | null {
  // raw SQL: bulk generator speed — a lookup run for every replayed order or action
  const row = w.store
    .prepare(`SELECT part_id FROM ro_lines WHERE ro_id = ? AND kind = 'part' ORDER BY position DESC LIMIT 1`)
    .get(roId) as { part_id: number } | undefined
  return row?.part_id ?? null
}

export function shopParts(w: World, open: readonly OpenOrder[]): ShopParts {
  const needs = new Map<number, number>()
  const missing = new Set<number>()
  // raw SQL: bulk generator speed — a lookup run for every replayed order or action
  const lines = w.store.prepare(`SELECT part_id, sum(quantity_milli) AS q FROM ro_lines WHERE ro_id = ? AND kind = 'part' GROUP BY part_id`)
  for (const ro of open) {
    if (!ro.shop || ro.shop.stage === 'authorised') continue
    const hold = ro.shop.stage === 'parts' ? missingPartOf(w, ro.id) : null
    if (hold !== null) missing.add(hold)
    for (const l of lines.all(ro.id) as { part_id: number; q: number }[]) {
      if (l.part_id !== hold) needs.set(l.part_id, (needs.get(l.part_id) ?? 0) + l.q)
    }
  }
  for (const id of missing) needs.delete(id)
  return { needs, missing }
}
