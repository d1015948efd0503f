import { withValidCheckDigit } from '../../shared/domain/vin'
import { checkPlate, type PlateKind } from '../../shared/domain/plate'
import type { Rng } from './random'

// Makes and models a Guangzhou service department sees, with the world manufacturer identifiers
// (WMI) their Chinese joint ventures stamp into the VIN. `vds` fills VIN positions 4–8.

export interface ModelSpec {
  wmi: string
  make: string
  model: string
  vds: string
  energy: PlateKind
  /** Engine-number prefix stamped on the block (or motor). */
  engine: string
  weight: number
  /** Plug-in hybrids get green plates with the F marker, battery cars the D marker. */
  plateMark?: 'D' | 'F'
  firstYear: number
}

const m = (wmi: string, make: string, model: string, vds: string, engine: string, weight: number, firstYear: number, plateMark?: 'D' | 'F'): ModelSpec => ({
  wmi, make, model, vds, engine, weight, firstYear,
  energy: plateMark ? 'new_energy' : 'fuel',
  ...(plateMark ? { plateMark } : {}),
})

export const MODELS: readonly ModelSpec[] = [
  m('LSV', '上汽大众', '朗逸', 'AB218', 'CSS', 14, 2013),
  m('LSV', '上汽大众', '帕萨特', 'CA23C', 'DKV', 8, 2014),
  m('LSV', '上汽大众', '途观L', 'YB60G', 'DKX', 8, 2017),
  m('LSV', '上汽大众', '凌渡', 'BN21H', 'CST', 4, 2015),
  m('LSV', '上汽大众', '桑塔纳', 'AL10K', 'CPD', 4, 2013),
  m('LFV', '一汽-大众', '速腾', '2A213', 'DJS', 9, 2013),
  m('LFV', '一汽-大众', '迈腾', '3A28P', 'DKV', 7, 2014),
  m('LFV', '一汽-大众', '宝来', '2A21K', 'DLF', 6, 2014),
  m('LFV', '一汽-大众', '探岳', '3B2SG', 'DPL', 4, 2018),
  m('LGB', '东风日产', '轩逸', 'H5AB4', 'HR16', 7, 2014),
  m('LGB', '东风日产', '天籁', 'F2EE3', 'KR20', 3, 2016),
  m('LGB', '东风日产', '奇骏', 'G2AD1', 'MR20', 3, 2015),
  m('LVS', '长安福特', '福克斯', 'HZDL2', 'Q3A', 3, 2013),
  m('LVS', '长安福特', '锐界', 'HFCH6', 'ECB', 2, 2016),
  m('LHG', '广汽本田', '雅阁', 'CV168', 'L15B', 6, 2014),
  m('LHG', '广汽本田', '飞度', 'GK558', 'L15C', 3, 2014),
  m('LHG', '广汽本田', '缤智', 'RU583', 'L15Z', 3, 2015),
  m('LVG', '广汽丰田', '凯美瑞', 'BA3FK', 'A25A', 5, 2015),
  m('LVG', '广汽丰田', '汉兰达', 'CB4EJ', 'M20C', 2, 2016),
  m('LBV', '华晨宝马', '3系', '8E405', 'B48', 3, 2014),
  m('LBV', '华晨宝马', 'X1', '3A106', 'B38', 2, 2016),
  m('LE4', '北京奔驰', 'C级', 'ZB4HB', 'M264', 3, 2015),
  m('LE4', '北京奔驰', 'GLC', 'ZGB4H', 'M264', 2, 2016),
  m('LSG', '上汽通用别克', '英朗', 'UL5E1', 'L2B', 4, 2013),
  m('LSG', '上汽通用别克', '昂科威', 'AA5DA', 'LTG', 3, 2015),
  m('LRW', '特斯拉', 'Model 3', 'YGEE4', 'TSL', 3, 2020, 'D'),
  m('LRW', '特斯拉', 'Model Y', 'YGEK3', 'TSL', 3, 2021, 'D'),
  m('LGX', '比亚迪', '秦PLUS DM-i', 'C4C1D', 'BYD', 4, 2021, 'F'),
  m('LGX', '比亚迪', '宋PLUS DM-i', 'CE4C2', 'BYD', 3, 2021, 'F'),
  m('LGX', '比亚迪', '汉EV', 'E4G3B', 'TZ2', 2, 2020, 'D'),
  m('LGX', '比亚迪', '海豚', 'FZ1A8', 'TZ1', 2, 2021, 'D'),
]

// ISO 3779 model-year codes (position 10); I, O, Q, U, Z and 0 are never used.
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789'

export function modelYearCode(year: number): string {
  return YEAR_CODES.charAt((((year - 2010) % 30) + 30) % 30)
}

const PLANT_CODES = '123456ABCDEFGHJ'

/** A valid VIN (correct check digit) not yet in `taken`, which it is added to. */
export function uniqueVin(rng: Rng, spec: ModelSpec, modelYear: number, taken: Set<string>): string {
  for (;;) {
    const draft = `${spec.wmi}${spec.vds}0${modelYearCode(modelYear)}${rng.chars(PLANT_CODES, 1)}${rng.digits(6)}`
    const vin = withValidCheckDigit(draft)
    if (!taken.has(vin)) {
      taken.add(vin)
      return vin
    }
  }
}

// Most customers live in Guangzhou (粤A); some come from the rest of Guangdong and elsewhere.
const GD_CITY_LETTERS = ['A', 'A', 'A', 'A', 'A', 'A', 'B', 'C', 'E', 'S', 'T', 'Y', 'R']
const OTHER_PROVINCES = ['湘', '桂', '赣', '闽', '川', '鄂', '豫', '京', '沪', '浙']
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const DIGITS = '0123456789'

function plateBody(rng: Rng, spec: ModelSpec): string {
  if (spec.plateMark) {
    // New-energy small cars: the marker, then five characters, the first sometimes a letter.
    const second = rng.chance(0.2) ? rng.chars(PLATE_LETTERS, 1) : rng.chars(DIGITS, 1)
    return spec.plateMark + second + rng.digits(4)
  }
  let body = ''
  const letters = rng.chance(0.6) ? rng.int(1, 2) : 0
  const positions = new Set<number>()
  while (positions.size < letters) positions.add(rng.int(0, 4))
  for (let i = 0; i < 5; i++) body += positions.has(i) ? rng.chars(PLATE_LETTERS, 1) : rng.chars(DIGITS, 1)
  return body
}

/** A valid plate for this model not yet in `taken`, which it is added to. */
export function uniquePlate(rng: Rng, spec: ModelSpec, taken: Set<string>): string {
  for (;;) {
    const province = rng.chance(0.9) ? '粤' : rng.pick(OTHER_PROVINCES)
    const city = province === '粤' ? rng.pick(GD_CITY_LETTERS) : rng.chars('ABCDEF', 1)
    const plate = province + city + plateBody(rng, spec)
    if (taken.has(plate)) continue
    const check = checkPlate(plate)
    // The generator must only ever write plates the counter would accept.
    if (!check || check.kind !== spec.energy) throw new Error(`demo generator made an invalid plate ${plate}`)
    taken.add(plate)
    return plate
  }
}
