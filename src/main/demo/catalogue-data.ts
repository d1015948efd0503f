import type { Rng } from './random'

// The parts and labour a service department sells most. Prices are typical Guangzhou 4S-store
// retail prices in yuan (converted to fen when written); costs are about 60–75 % of the price.

export interface BasePart {
  /** Stable key used by the repair-order templates. */
  key: string
  name: string
  category: string
  unit: string
  priceYuan: readonly [number, number]
  /**
   * Universal parts (oil, filters, fluids, tyres, wipers…) fit any car and come from the
   * aftermarket brands listed; every other part is made for one model (a row per model, named
   * "前刹车片（雅阁）") by the make's original-equipment brand or, for some, by 博世.
   */
  universal?: readonly string[]
}

const p = (key: string, name: string, category: string, unit: string, lo: number, hi: number, universal?: readonly string[]): BasePart => ({
  key, name, category, unit, priceYuan: [lo, hi], ...(universal ? { universal } : {}),
})

const FILTERS = ['曼牌', '马勒', '博世'] as const

export const BASE_PARTS: readonly BasePart[] = [
  p('oil_filter', '机油滤清器', '滤清器', 'EA', 45, 128, FILTERS),
  p('air_filter', '空气滤清器', '滤清器', 'EA', 78, 260, FILTERS),
  p('cabin_filter', '空调滤芯', '滤清器', 'EA', 68, 220, FILTERS),
  p('fuel_filter', '燃油滤清器', '滤清器', 'EA', 120, 320, FILTERS),
  p('spark_plug', '火花塞', '保养件', 'EA', 58, 160, ['博世']),
  p('oil_5w30', '全合成机油 5W-30 (L)', '油液', 'L', 78, 128, ['嘉实多']),
  p('oil_0w20', '全合成机油 0W-20 (L)', '油液', 'L', 88, 138, ['嘉实多']),
  p('brake_fluid', '刹车油 DOT4 (L)', '油液', 'L', 68, 120, ['博世', '嘉实多']),
  p('coolant', '防冻冷却液 (L)', '油液', 'L', 38, 80, ['嘉实多']),
  p('atf', '自动变速箱油 (L)', '油液', 'L', 110, 190, ['嘉实多']),
  p('drain_washer', '放油螺栓垫片', '保养件', 'EA', 3, 8, ['博世']),
  p('wiper', '雨刮片', '易损件', 'PR', 88, 240, ['博世']),
  p('front_pads', '前刹车片', '制动系统', 'SET', 380, 980),
  p('rear_pads', '后刹车片', '制动系统', 'SET', 320, 860),
  p('front_disc', '前刹车盘', '制动系统', 'EA', 420, 1280),
  p('battery', '蓄电池 12V 60Ah', '电气系统', 'EA', 680, 1380, ['博世']),
  p('timing_belt', '正时皮带', '发动机', 'EA', 380, 880),
  p('belt_tensioner', '正时皮带张紧轮', '发动机', 'EA', 420, 960),
  p('water_pump', '水泵总成', '发动机', 'EA', 680, 1680),
  p('thermostat', '节温器', '发动机', 'EA', 260, 620),
  p('ignition_coil', '点火线圈', '电气系统', 'EA', 280, 560),
  p('o2_sensor', '氧传感器', '电气系统', 'EA', 520, 1280),
  p('front_shock', '前减震器', '悬架系统', 'EA', 780, 1980),
  p('rear_shock', '后减震器', '悬架系统', 'EA', 560, 1480),
  p('stab_link', '前稳定杆连杆', '悬架系统', 'EA', 160, 380),
  p('control_arm', '前下摆臂', '悬架系统', 'EA', 680, 1580),
  p('tie_rod_end', '转向横拉杆球头', '转向系统', 'EA', 220, 520),
  p('wheel_bearing', '前轮毂轴承', '悬架系统', 'EA', 480, 1180),
  p('tyre_16', '轮胎 205/55 R16', '轮胎', 'EA', 520, 880, ['米其林']),
  p('tyre_17', '轮胎 225/45 R17', '轮胎', 'EA', 680, 1280, ['米其林']),
  p('bulb_h7', '大灯灯泡 H7', '电气系统', 'EA', 45, 160, ['博世']),
  p('front_bumper', '前保险杠皮', '车身件', 'EA', 980, 3280),
  p('rear_bumper', '后保险杠皮', '车身件', 'EA', 880, 2980),
  p('headlamp', '左前大灯总成', '车身件', 'EA', 1880, 6800),
  p('mirror', '右外后视镜总成', '车身件', 'EA', 680, 2280),
  p('fender', '左前翼子板', '车身件', 'EA', 580, 1680),
  p('ac_compressor', '空调压缩机', '空调系统', 'EA', 2680, 5880),
  p('condenser', '空调冷凝器', '空调系统', 'EA', 980, 2280),
  p('blower', '鼓风机电机', '空调系统', 'EA', 480, 1180),
  p('refrigerant', '空调冷媒 R134a (KG)', '油液', 'KG', 160, 280, ['巨化']),
  p('washer_fluid', '玻璃水 (瓶)', '养护品', 'BTL', 18, 35, ['3M']),
  p('fuel_cleaner', '燃油系统清洗剂 (瓶)', '养护品', 'BTL', 68, 168, ['3M']),
  p('clutch_kit', '离合器套件', '传动系统', 'SET', 1280, 2880),
  p('throttle_body', '节气门体', '发动机', 'EA', 980, 2380),
  p('injector', '喷油嘴', '发动机', 'EA', 480, 1180),
  p('hv_coolant', '电池冷却液 (L)', '油液', 'L', 78, 140, ['嘉实多']),
]

/** Model parts 博世 also makes (brakes, ignition, sensors): the rest only the maker supplies. */
export const BOSCH_MODEL_CATEGORIES: ReadonlySet<string> = new Set(['制动系统', '电气系统'])

// Manufacturers' part-number shapes, so the catalogue looks like the one a parts clerk knows.
const AL = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ'
const UP = 'ABCDEFGHJKLMNPRSTUVWXYZ'

export const PART_BRANDS: readonly { brand: string; partNumber: (rng: Rng) => string }[] = [
  // VW: 06J115403Q — type, group, sub-number, suffix.
  { brand: '大众原厂', partNumber: (r) => `${r.digits(1)}${r.chars(AL, 2)}${r.digits(3)}${r.digits(3)}${r.chance(0.7) ? r.chars(UP, r.int(1, 2)) : ''}` },
  // Nissan: 15208-65F0E.
  { brand: '日产原厂', partNumber: (r) => `${r.digits(5)}-${r.chars(AL, 5)}` },
  // Honda: 15400-RTA-003.
  { brand: '本田原厂', partNumber: (r) => `${r.digits(5)}-${r.chars(UP, 3)}-${r.digits(3)}` },
  // Toyota: 04152-YZZA1.
  { brand: '丰田原厂', partNumber: (r) => `${r.digits(5)}-${r.chars(AL, 5)}` },
  // BMW: 11 digits.
  { brand: '宝马原厂', partNumber: (r) => `${r.int(1, 6)}${r.digits(10)}` },
  // Mercedes-Benz: A + 10 digits.
  { brand: '奔驰原厂', partNumber: (r) => `A${r.digits(10)}` },
  // Ford: CV6Z-6731-FA.
  { brand: '福特原厂', partNumber: (r) => `${r.chars(UP, 2)}${r.digits(1)}${r.chars(UP, 1)}-${r.digits(4)}-${r.chars(UP, 2)}` },
  // BYD: 10-digit group code with a dash.
  { brand: '比亚迪原厂', partNumber: (r) => `${r.chars(UP, 2)}-${r.digits(4)}-${r.digits(2)}` },
  // GM (Buick): 8 digits.
  { brand: '别克原厂', partNumber: (r) => `${r.int(1, 9)}${r.digits(7)}` },
  // Tesla: 1044321-00-C.
  { brand: '特斯拉原厂', partNumber: (r) => `${r.int(1, 2)}${r.digits(6)}-${r.digits(2)}-${r.chars(UP, 1)}` },
  // Aftermarket brands the store also stocks (博世, 曼牌, 马勒, 嘉实多, 米其林, 巨化, 3M).
  { brand: '博世', partNumber: (r) => `0${r.digits(3)}${r.digits(3)}${r.digits(3)}` },
  // 曼牌 W 719/30, 马勒 OX 388D: short numbers, so the space must be large enough for 100k parts.
  { brand: '曼牌', partNumber: (r) => `${r.chars('CWHU', r.int(1, 2))} ${r.int(1, 9999)}${r.chance(0.5) ? `/${r.int(1, 99)}` : ''}` },
  { brand: '马勒', partNumber: (r) => `${r.chars('OLKH', 2)} ${r.int(1, 4999)}${r.chance(0.5) ? r.chars('ABDS', 1) : ''}` },
  { brand: '嘉实多', partNumber: (r) => `CA-${r.digits(6)}` },
  { brand: '米其林', partNumber: (r) => `MI${r.digits(6)}` },
  { brand: '巨化', partNumber: (r) => `JH-${r.digits(5)}` },
  { brand: '3M', partNumber: (r) => `3M-PN${r.digits(5)}` },
]

export function partKey(partNumber: string): string {
  return partNumber.toUpperCase().replace(/[^A-Z0-9]/g, '')
}

const ZONES = 'ABCDEFGH'
export function binFor(rng: Rng): string {
  return `${rng.chars(ZONES, 1)}-${String(rng.int(1, 40)).padStart(2, '0')}-${String(rng.int(1, 6)).padStart(2, '0')}`
}

export interface LabourSpec {
  code: string
  description: string
  flatHoursMilli: number
}

const l = (code: string, description: string, flatHoursMilli: number): LabourSpec => ({ code, description, flatHoursMilli })

export const LABOUR_OPS: readonly LabourSpec[] = [
  l('BY001', '更换机油机滤', 500),
  l('BY002', '更换空气滤清器', 200),
  l('BY003', '更换空调滤芯', 300),
  l('BY004', '更换火花塞', 800),
  l('BY005', '更换刹车油', 800),
  l('BY006', '更换防冻冷却液', 1000),
  l('BY007', '更换自动变速箱油', 1200),
  l('BY008', '常规保养检查（28项）', 500),
  l('BY009', '更换燃油滤清器', 600),
  l('ZD001', '更换前刹车片', 1000),
  l('ZD002', '更换后刹车片', 1200),
  l('ZD003', '更换前刹车盘', 1500),
  l('DP001', '四轮定位', 1000),
  l('DP002', '四轮动平衡', 800),
  l('DP003', '轮胎拆装（单条）', 300),
  l('DQ001', '更换蓄电池', 300),
  l('DQ002', '电脑诊断检测', 500),
  l('DQ003', '更换大灯总成', 800),
  l('DQ004', '更换点火线圈', 400),
  l('DQ005', '更换氧传感器', 700),
  l('KT001', '空调系统检测及加注冷媒', 1000),
  l('KT002', '更换空调压缩机', 3500),
  l('KT003', '更换鼓风机电机', 1200),
  l('FD001', '清洗节气门', 800),
  l('FD002', '更换正时皮带及张紧轮', 4000),
  l('FD003', '更换水泵', 3000),
  l('FD004', '更换节温器', 1500),
  l('FD005', '发动机故障排查', 2000),
  l('XG001', '更换前减震器（单侧）', 1500),
  l('XG002', '更换前下摆臂（单侧）', 1500),
  l('XG003', '更换转向横拉杆球头', 1200),
  l('XG004', '更换前稳定杆连杆', 800),
  l('XG005', '更换前轮毂轴承', 2000),
  l('BJ001', '钣金修复（单面）', 4000),
  l('BJ002', '喷漆（单面）', 5000),
  l('BJ003', '拆装前保险杠', 1500),
  l('BJ004', '更换翼子板', 2500),
  l('CS001', '更换离合器套件', 6000),
  l('XN001', '三电系统检测', 1000),
  l('XN002', '更换电池冷却液', 1200),
  l('ZH001', '召回/服务活动检查升级', 1000),
  l('MR001', '雨刮片更换', 100),
]
