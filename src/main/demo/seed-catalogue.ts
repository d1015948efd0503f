import { BASE_PARTS, BOSCH_MODEL_CATEGORIES, LABOUR_OPS, PART_BRANDS, binFor, partKey, type BasePart } from './catalogue-data'
import { MODELS, type ModelSpec } from './vehicle-data'
import type { Rng } from './random'
import type { World } from './world'
import { first } from '../store/query'


// Which original-equipment brand supplies parts for each make. Universal parts come from the
// aftermarket brands their template lists; a model part is the maker's own, or 博世's where 博世
// makes it too (brakes, ignition, sensors).
export const OEM_BRAND_BY_MAKE: Readonly<Record<string, string>> = {
  上汽大众: '大众原厂',
  '一汽-大众': '大众原厂',
  东风日产: '日产原厂',
  广汽本田: '本田原厂',
  广汽丰田: '丰田原厂',
  华晨宝马: '宝马原厂',
  北京奔驰: '奔驰原厂',
  长安福特: '福特原厂',
  上汽通用别克: '别克原厂',
  特斯拉: '特斯拉原厂',
  比亚迪: '比亚迪原厂',
}

/** What one catalogue row is: its template, and the model it is made for (null: any car). */
function rowOf(i: number, rng: Rng): { template: BasePart; model: ModelSpec | null; brand: string } {
  const t = i % BASE_PARTS.length
  const template = BASE_PARTS[t]!
  const round = Math.floor(i / BASE_PARTS.length)
  if (template.universal) {
    // The first round is the generic shelf; later rounds the maker's own version for one model.
    if (round === 0) return { template, model: null, brand: rng.pick(template.universal) }
    const model = rng.pick(MODELS)
    return { template, model, brand: OEM_BRAND_BY_MAKE[model.make]! }
  }
  // Models in turn, starting at a different model for each template, so a small catalogue still
  // has a part of each kind for most models (a repair order takes only parts its car can use).
  const model = MODELS[(round + t) % MODELS.length]!
  const bosch = BOSCH_MODEL_CATEGORIES.has(template.category) && rng.chance(0.2)
  return { template, model, brand: bosch ? '博世' : OEM_BRAND_BY_MAKE[model.make]! }
}

/** Labour operations, then `size.parts` catalogue parts: the generic shelf first, then per-model parts. */
export function seedCatalogue(w: World, nowIso: string): void {
  const { store, rng } = w
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertOp = store.prepare('INSERT INTO labour_operations (code, description, flat_hours_milli) VALUES (?, ?, ?)')
  for (const op of LABOUR_OPS) insertOp.run(op.code, op.description, op.flatHoursMilli)

  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertPart = store.prepare(
    `INSERT INTO parts (id, part_number, part_key, name, brand, category, unit, bin, price_fen, cost_fen, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const base = first(store, store.db.selectFrom('parts').select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('n')))?.n ?? 0
  const numbers = new Set<string>()
  const keys = new Set<string>()
  for (let i = 0; i < w.size.parts; i++) {
    const { template, model, brand } = rowOf(i, rng)
    let brandSpec = PART_BRANDS.find((b) => b.brand === brand)!
    let partNumber = ''
    let key = ''
    for (let attempt = 0; ; attempt++) {
      // A brand whose short numbers are used up hands over to one with a large number space.
      if (attempt === 20) brandSpec = { brand: brandSpec.brand, partNumber: PART_BRANDS[0]!.partNumber }
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
      const fit = fitKey(template.key, model?.model ?? null)
      const list = w.partIdsByFit.get(fit)
      if (list) list.push(id)
      else w.partIdsByFit.set(fit, [id])
      w.partPriceFen.set(id, priceFen)
      w.partName.set(id, name)
      w.partMake.set(id, model?.make ?? null)
    }
  }
}

/** `front_pads|雅阁` for a model's part, `oil_filter|*` for one that fits any car. */
export function fitKey(templateKey: string, model: string | null): string {
  return `${templateKey}|${model ?? '*'}`
}
