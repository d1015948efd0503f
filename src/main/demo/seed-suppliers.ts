import { savePo, sendPo } from '../parts/purchase-orders'
import { saveSupplier } from '../parts/suppliers'
import { input, type Sim } from './sim-ctx'
import type { World } from './world'
import { all } from '../store/query'

// Where the parts come from: each maker's regional parts centre for its original parts, and the
// distributors of the aftermarket brands the store also stocks (see PART_BRANDS).

/** Every category a maker's parts centre supplies: its own original parts for its cars. */
const ALL = ['滤清器', '保养件', '油液', '易损件', '制动系统', '电气系统', '发动机', '悬架系统', '转向系统', '轮胎', '车身件', '空调系统', '养护品', '传动系统'] as const

/**
 * Who supplies what: each brand's parts go to the one supplier listing the brand, and a supplier
 * only ever gets parts of the categories it lists (the filter wholesaler sells filters, not
 * mirrors). The demo-data test holds the generated store to both.
 */
export const SUPPLIERS: readonly { code: string; name: string; contact: string; phone: string; brands: readonly string[]; categories: readonly string[] }[] = [
  { code: 'SVW-SC', name: '大众汽车华南配件中心', contact: '刘经理', phone: '020-82261100', brands: ['大众原厂'], categories: ALL },
  { code: 'DFN-GZ', name: '东风日产花都配件中心', contact: '陈主管', phone: '020-36921234', brands: ['日产原厂'], categories: ALL },
  { code: 'GHA-PC', name: '广汽本田配件中心', contact: '黄小姐', phone: '020-82318888', brands: ['本田原厂'], categories: ALL },
  { code: 'GTMC-PC', name: '广汽丰田南沙配件中心', contact: '梁先生', phone: '020-84961234', brands: ['丰田原厂'], categories: ALL },
  { code: 'BMW-SC', name: '华晨宝马华南配件库', contact: '周经理', phone: '020-37812345', brands: ['宝马原厂'], categories: ALL },
  { code: 'BENZ-SC', name: '北京奔驰华南配件库', contact: '吴经理', phone: '020-38765432', brands: ['奔驰原厂'], categories: ALL },
  { code: 'CAF-PC', name: '长安福特配件中心', contact: '赵先生', phone: '023-67591234', brands: ['福特原厂'], categories: ALL },
  { code: 'SGM-SC', name: '上汽通用别克华南配件中心', contact: '郑经理', phone: '020-66881234', brands: ['别克原厂'], categories: ALL },
  { code: 'TSL-GZ', name: '特斯拉广州配件仓', contact: '孙小姐', phone: '020-31231234', brands: ['特斯拉原厂'], categories: ALL },
  { code: 'BYD-SZ', name: '比亚迪深圳坪山配件中心', contact: '林小姐', phone: '0755-89888888', brands: ['比亚迪原厂'], categories: ALL },
  {
    code: 'BOSCH-GZ',
    name: '博世汽车配件广州经销商',
    contact: '何先生',
    phone: '020-87654321',
    brands: ['博世'],
    categories: ['滤清器', '保养件', '油液', '易损件', '制动系统', '电气系统'],
  },
  { code: 'FILTER-GZ', name: '广州滤清器总代理（曼牌·马勒）', contact: '邓经理', phone: '020-86661234', brands: ['曼牌', '马勒'], categories: ['滤清器'] },
  { code: 'CASTROL-GZ', name: '嘉实多润滑油广州经销商', contact: '冯先生', phone: '020-83331234', brands: ['嘉实多'], categories: ['油液'] },
  { code: 'MICHELIN-GZ', name: '米其林轮胎广州总经销', contact: '钱经理', phone: '020-85551234', brands: ['米其林'], categories: ['轮胎'] },
  { code: 'JUHUA-GZ', name: '巨化制冷剂华南经销部', contact: '许先生', phone: '020-84441234', brands: ['巨化'], categories: ['油液'] },
  { code: '3M-GZ', name: '3M汽车养护用品广州经销商', contact: '韩小姐', phone: '020-87771234', brands: ['3M'], categories: ['养护品'] },
]

/** The suppliers (through the purchasing service) and each part's usual supplier; returns part → supplier. */
export function insertSuppliers(w: World, sim: Sim): Map<number, number> {
  const clerk = sim.as('partsup')
  const byBrand = new Map<string, number>()
  for (const s of SUPPLIERS) {
    const saved = saveSupplier(clerk, input('purchasing.suppliers.save', { code: s.code, name: s.name, contact: s.contact, phone: s.phone }))
    for (const b of s.brands) byBrand.set(b, saved.id)
  }
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const link = w.store.prepare('INSERT INTO part_suppliers (part_id, supplier_id) VALUES (?, ?)')
  const supplierOf = new Map<number, number>()
  for (const p of all(w.store, w.store.db.selectFrom('parts').select(['id', 'brand']).orderBy('id'))) {
    const supplier = p.brand ? byBrand.get(p.brand) : undefined
    if (supplier === undefined) continue
    link.run(p.id, supplier)
    supplierOf.set(p.id, supplier)
  }
  return supplierOf
}

/**
 * Yesterday afternoon's order (sent, not yet received): the parts below their safety level from
 * the supplier with the most of them — mostly the ones it has been unable to deliver lately.
 */
export function sendOpenOrder(w: World, sim: Sim, below: readonly { partId: number; quantityMilli: number; supplierId: number; costFen: number }[]): void {
  const bySupplier = new Map<number, typeof below[number][]>()
  for (const b of below) bySupplier.set(b.supplierId, [...(bySupplier.get(b.supplierId) ?? []), b])
  const [supplierId, lines] = [...bySupplier].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0] ?? []
  if (supplierId === undefined || !lines) return
  const at = Date.parse(w.cal.iso(-1, 16 * 60 + 20))
  sim.clock.set(at)
  const buyer = sim.as('partsup')
  const po = savePo(buyer, input('purchasing.po.save', {
    supplierId,
    note: '补订低于安全库存的配件，供应商前期缺货的请优先发货',
    lines: lines.slice(0, 30).map((l) => ({ partId: l.partId, quantityMilli: l.quantityMilli, unitCostFen: l.costFen })),
  }))
  sim.clock.set(at + 15 * 60_000)
  sendPo(buyer, input('purchasing.po.send', { id: po.id, version: po.version }))
}
