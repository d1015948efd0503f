import { BASE_PARTS, LABOUR_OPS, PART_BRANDS, binFor, partKey } from './catalogue-data'
import { MODELS } from './vehicle-data'
import type { World } from './world'

// Which original-equipment brand supplies parts for each make; the rest of the shelf is
// aftermarket (博世, 曼牌, 马勒).
const OEM_BRAND_BY_MAKE: Record<string, string> = {
  上汽大众: '大众原厂',
  '一汽-大众': '大众原厂',
  东风日产: '日产原厂',
  广汽本田: '本田原厂',
  广汽丰田: '丰田原厂',
  华晨宝马: '宝马原厂',
  北京奔驰: '奔驰原厂',
  长安福特: '福特原厂',
  比亚迪: '比亚迪原厂',
}
const AFTERMARKET = PART_BRANDS.filter((b) => !Object.values(OEM_BRAND_BY_MAKE).includes(b.brand))

/** Labour operations, then `size.parts` catalogue parts: the generic shelf first, then per-model variants. */
export function seedCatalogue(w: World, nowIso: string): void {
  const { store, rng } = w
  const insertOp = store.prepare('INSERT INTO labour_operations (code, description, flat_hours_milli) VALUES (?, ?, ?)')
  for (const op of LABOUR_OPS) insertOp.run(op.code, op.description, op.flatHoursMilli)

  const insertPart = store.prepare(
    `INSERT INTO parts (id, part_number, part_key, name, brand, category, unit, bin, price_fen, cost_fen, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const base = (store.prepare('SELECT coalesce(max(id), 0) AS n FROM parts').get() as { n: number }).n
  const numbers = new Set<string>()
  const keys = new Set<string>()
  for (let i = 0; i < w.size.parts; i++) {
    const template = BASE_PARTS[i % BASE_PARTS.length]!
    // The first round is the generic shelf; later rounds are the same parts for a given model.
    const model = i < BASE_PARTS.length ? null : rng.pick(MODELS)
    const oem = model ? OEM_BRAND_BY_MAKE[model.make] : undefined
    let brandSpec = oem && rng.chance(0.8) ? PART_BRANDS.find((b) => b.brand === oem)! : rng.pick(AFTERMARKET)
    let partNumber = ''
    let key = ''
    for (let attempt = 0; ; attempt++) {
      // A brand whose short numbers are used up hands over to one with a large number space.
      if (attempt === 20) brandSpec = PART_BRANDS[0]!
      partNumber = brandSpec.partNumber(rng)
      key = partKey(partNumber)
      if (!numbers.has(partNumber) && !keys.has(key)) break
    }
    numbers.add(partNumber)
    keys.add(key)
    const [lo, hi] = template.priceYuan
    const priceFen = rng.int(lo, hi) * 100 + (rng.chance(0.2) ? 50 : 0)
    const costFen = Math.round((priceFen * rng.int(58, 75)) / 100)
    const name = model ? `${template.name}（${model.model}）` : template.name
    const id = base + i + 1
    // A few discontinued numbers stay in the catalogue for old repair orders.
    const active = rng.chance(0.03) ? 0 : 1
    insertPart.run(id, partNumber, key, name, brandSpec.brand, template.category, template.unit, binFor(rng), priceFen, costFen, active, nowIso, nowIso)
    if (active) {
      const list = w.partIdsByKey.get(template.key)
      if (list) list.push(id)
      else w.partIdsByKey.set(template.key, [id])
      w.partPriceFen.set(id, priceFen)
      w.partName.set(id, name)
    }
  }
}
