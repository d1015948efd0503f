import type { Store } from '../src/main/store/open'
import { createRng, type Rng } from '../src/main/demo/random'
import { receive, takeOut, type StockState } from '../src/shared/domain/stock'
import { partKeyOf } from '../src/main/parts/part-key'

// Bulk data for the parts benchmark (and a small-scale test of it): a catalogue of OEM-style
// parts with Chinese names and a ledger of receipts, issues and adjustments over two years, in
// time order, valued with the same moving-average rules the app uses. Raw prepared statements,
// one transaction per chunk. Times are written as +08:00 text: valid for Asia/Shanghai only,
// which has had no daylight saving since 1991 (and is the setting the benchmark runs with).

export interface PartsBenchSize {
  parts: number
  /** Parts that have stock and a bin; the rest are price-list entries only. */
  stocked: number
  moves: number
  days: number
}

export const FULL_PARTS_BENCH: PartsBenchSize = { parts: 100_000, stocked: 60_000, moves: 2_000_000, days: 730 }

const POSITIONS = ['左前', '右前', '左后', '右后', '前', '后', '上', '下', '', '', '', '']
const ITEMS = ['刹车片', '刹车盘', '减震器', '下摆臂', '球头', '大灯总成', '雾灯', '后视镜', '门把手', '雨刮片', '机油滤清器', '空气滤清器', '空调滤芯',
  '燃油滤清器', '火花塞', '点火线圈', '节气门', '水泵', '节温器', '正时皮带', '张紧轮', '发电机', '起动机', '蓄电池', '轮毂轴承', '传动轴', '半轴',
  '方向机', '转向拉杆', '散热器', '冷凝器', '压缩机', '鼓风机', '保险杠', '翼子板', '发动机盖', '密封条', '螺栓', '卡扣', '垫片', '油封', 'O型圈',
  '发动机机油5W-30', '变速箱油', '刹车油', '防冻液', '氧传感器', '喷油嘴', '进气歧管', '排气管']
const MODELS = ['朗逸', '速腾', '迈腾', '帕萨特', '途观L', '宝来', '高尔夫', '探岳', '捷达', '奥迪A4L', '奥迪Q5L', '凯美瑞', '卡罗拉', '雅阁', '思域', 'CR-V', '轩逸', '天籁', '君越', '英朗']
const SUFFIX = ['总成', '(套)', '', '', '', '']
const ALNUM = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'

export { ITEMS as BENCH_ITEMS, MODELS as BENCH_MODELS }

export interface BenchCatalogue {
  /** Part ids by index; the first `stocked` have stock. */
  ids: number[]
  partNumbers: string[]
  bins: (string | null)[]
  costFen: number[]
}

const shanghai = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`

function partNumber(rng: Rng): string {
  const letter = rng.chance(0.3) ? rng.chars('ABCDEFGHJK', 1) : ''
  return `${rng.chars(ALNUM, 3)}-${rng.digits(3)}-${rng.digits(3)}${letter ? `-${letter}` : ''}`
}

export function generateCatalogue(store: Store, size: PartsBenchSize, end: Date, seed = 11): BenchCatalogue {
  const rng = createRng(seed)
  const insert = store.prepare(
    `INSERT INTO parts (part_number, part_key, name, brand, category, unit, bin, price_fen, cost_fen, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  )
  const created = shanghai(end.getTime() - size.days * 86_400_000 - 86_400_000)
  const cat: BenchCatalogue = { ids: [], partNumbers: [], bins: [], costFen: [] }
  const keys = new Set<string>()
  const CHUNK = 20_000
  for (let start = 0; start < size.parts; start += CHUNK) {
    store.tx(() => {
      for (let i = start; i < Math.min(size.parts, start + CHUNK); i++) {
        let pn = partNumber(rng)
        while (keys.has(partKeyOf(pn))) pn = partNumber(rng)
        keys.add(partKeyOf(pn))
        const item = rng.pick(ITEMS)
        const name = `${rng.pick(POSITIONS)}${item} ${rng.pick(MODELS)}${rng.pick(SUFFIX)}`
        const bin = i < size.stocked ? `${rng.chars('ABCDEFGH', 1)}-${String(rng.int(1, 40)).padStart(2, '0')}-${String(rng.int(1, 8)).padStart(2, '0')}` : null
        const cost = rng.int(5, 3_000) * 100
        const id = Number(insert.run(pn, partKeyOf(pn), name, rng.chance(0.8) ? '大众原厂' : '博世', item, 'EA', bin, Math.round(cost * 1.4), cost, created, created).lastInsertRowid)
        cat.ids.push(id)
        cat.partNumbers.push(pn)
        cat.bins.push(bin)
        cat.costFen.push(cost)
      }
    })
  }
  return cat
}

/** The ledger: `moves` moves over `days` days up to `end`, busy parts moving far more than others. */
export function generateMoves(store: Store, cat: BenchCatalogue, size: PartsBenchSize, end: Date, userId: number, seed = 12): void {
  const rng = createRng(seed)
  const state: StockState[] = Array.from({ length: size.stocked }, () => ({ onHandMilli: 0, valueFen: 0 }))
  const lastAt: (string | null)[] = Array.from({ length: size.stocked }, () => null)
  const lastId: number[] = Array.from({ length: size.stocked }, () => 0)
  const insert = store.prepare(
    `INSERT INTO stock_moves (id, part_id, at, kind, quantity_milli, unit_cost_fen, value_fen, on_hand_milli_after, value_fen_after,
       user_id, reason, ref_type, ref_id, bin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)`,
  )
  const first = end.getTime() - size.days * 86_400_000
  const step = (size.days * 86_400_000) / size.moves
  const base = (store.sqlite.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM stock_moves').get() as { id: number }).id
  const CHUNK = 50_000
  for (let start = 0; start < size.moves; start += CHUNK) {
    store.tx(() => {
      for (let n = start; n < Math.min(size.moves, start + CHUNK); n++) {
        // Squaring a uniform draw skews demand toward the first parts, as real stock is.
        const i = Math.floor(size.stocked * rng.next() ** 2)
        const s = state[i]!
        const at = shanghai(first + Math.floor(n * step))
        let kind: string
        let effect
        const roll = rng.next()
        if (s.onHandMilli === 0 || roll < 0.22) {
          kind = 'receipt'
          effect = receive(s, rng.int(5, 40) * 1_000, Math.round(cat.costFen[i]! * (0.9 + rng.next() * 0.2)))
        } else if (roll < 0.97) {
          kind = 'issue'
          effect = takeOut(s, Math.min(s.onHandMilli, rng.int(1, 4) * 1_000))
        } else {
          kind = 'adjustment'
          effect = takeOut(s, Math.min(s.onHandMilli, 1_000))
        }
        const id = base + n + 1
        insert.run(id, cat.ids[i]!, at, kind, effect.quantityMilli, effect.unitCostFen, effect.valueFen, effect.after.onHandMilli, effect.after.valueFen,
          userId, kind === 'receipt' ? 'po' : kind === 'issue' ? 'ro' : 'manual', kind === 'adjustment' ? null : rng.int(1, 100_000), cat.bins[i] ?? null)
        state[i] = effect.after
        lastAt[i] = at
        lastId[i] = id
      }
    })
  }
  const upsert = store.prepare(
    `INSERT INTO part_stock (part_id, on_hand_milli, value_fen, avg_cost_fen, last_move_id, last_move_at) VALUES (?, ?, ?, ?, ?, ?)`,
  )
  store.tx(() => {
    for (let i = 0; i < size.stocked; i++) {
      if (lastId[i] === 0) continue
      const s = state[i]!
      const avg = s.onHandMilli > 0 ? Math.round((s.valueFen * 1000) / s.onHandMilli) : cat.costFen[i]!
      upsert.run(cat.ids[i]!, s.onHandMilli, s.valueFen, avg, lastId[i]!, lastAt[i]!)
    }
  })
}
