import { weightedSampler, type Rng } from './random'

// Name, phone and address material for demo customers around a Guangzhou dealership. Surname
// weights follow the rough national frequency so "王" and "李" searches return many people,
// as they do at a real counter.

const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 71], ['张', 68], ['刘', 53], ['陈', 52], ['杨', 36], ['黄', 30], ['赵', 28],
  ['吴', 27], ['周', 26], ['徐', 20], ['孙', 19], ['马', 18], ['朱', 17], ['胡', 16], ['郭', 15],
  ['何', 15], ['林', 14], ['高', 14], ['罗', 13], ['郑', 13], ['梁', 12], ['谢', 11], ['宋', 9],
  ['唐', 9], ['许', 9], ['韩', 8], ['冯', 8], ['邓', 8], ['曹', 8], ['彭', 7], ['曾', 7],
  ['肖', 7], ['田', 6], ['董', 6], ['袁', 6], ['潘', 6], ['于', 6], ['蒋', 6], ['蔡', 6],
  ['余', 5], ['杜', 5], ['叶', 5], ['程', 5], ['苏', 5], ['魏', 5], ['吕', 5], ['丁', 5],
  ['任', 5], ['沈', 5], ['姚', 4], ['卢', 4], ['姜', 4], ['崔', 4], ['钟', 4], ['谭', 4],
  ['陆', 4], ['汪', 4], ['范', 4], ['金', 4], ['石', 4], ['廖', 4], ['贾', 3], ['夏', 3],
  ['韦', 3], ['方', 3], ['白', 3], ['邹', 3], ['孟', 3], ['熊', 3], ['秦', 3], ['邱', 3],
  ['江', 3], ['尹', 3], ['薛', 3], ['段', 2], ['雷', 2], ['侯', 2], ['龙', 2], ['史', 2],
  ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2],
  ['万', 2], ['钱', 2], ['严', 2], ['覃', 2], ['武', 2], ['戴', 2], ['莫', 2], ['孔', 2],
  ['欧阳', 1], ['司马', 0.3], ['上官', 0.3],
]

const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚婷华飞鹏宇浩然涵欣怡轩晨阳俊峰文博思远雨佳琪嘉建国志海燕晓东红梅兰玉秀英桂凤丹慧颖欢立新春辉斌彬亮成康波宁振宏瑞凯旭子梓一诗雅婧琳璐嘉豪家乐健永'

export const SURNAME_LIST: readonly string[] = SURNAMES.map(([s]) => s)
const drawSurname = weightedSampler(SURNAME_LIST, SURNAMES.map(([, w]) => w))

export function personName(rng: Rng): string {
  const given = rng.chance(0.3) ? rng.chars(GIVEN, 1) : rng.chars(GIVEN, 2)
  return drawSurname(rng) + given
}

const CITIES = ['广州市', '广州市', '广州市', '佛山市', '东莞市', '深圳市']
const TRADE_NAMES = ['恒达', '粤通', '华信', '宏远', '金穗', '南方', '珠江', '鸿运', '天成', '联创', '盛世', '新科', '中荣', '锦程', '立信', '万和', '嘉禾', '永泰', '汇丰', '信诚']
const INDUSTRIES = ['物流', '贸易', '建筑工程', '科技', '餐饮管理', '汽车租赁', '电子', '食品', '物业管理', '广告传媒', '医疗器械', '装饰工程']

export function companyName(rng: Rng): string {
  return `${rng.pick(CITIES)}${rng.pick(TRADE_NAMES)}${rng.pick(TRADE_NAMES)}${rng.pick(INDUSTRIES)}有限公司`
}

const DISTRICTS = ['天河区', '越秀区', '海珠区', '荔湾区', '白云区', '黄埔区', '番禺区', '花都区', '南沙区', '增城区']
const ROADS = ['中山大道', '天河路', '体育西路', '黄埔大道', '广州大道', '环市东路', '东风中路', '工业大道', '新港西路', '江南大道', '番禺大道', '迎宾路', '广园中路', '解放北路', '科韵路', '华夏路']

export function address(rng: Rng): string {
  const building = rng.chance(0.6) ? `${rng.int(1, 30)}栋${rng.int(1, 33)}0${rng.int(1, 6)}` : ''
  return `广州市${rng.pick(DISTRICTS)}${rng.pick(ROADS)}${rng.int(1, 999)}号${building}`
}

// 13x, 15x (no 154) and 18x: the ranges every Chinese operator hands out to ordinary customers.
const MOBILE_PREFIXES = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189']

/** A mobile number not yet in `taken` (which it is added to). */
export function uniqueMobile(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const m = rng.pick(MOBILE_PREFIXES) + rng.digits(8)
    if (!taken.has(m)) {
      taken.add(m)
      return m
    }
  }
}

/** A Guangzhou landline as stored (normalised digits with the trunk 0). */
export function landline(rng: Rng): string {
  return `020${rng.int(2, 8)}${rng.digits(7)}`
}

export const CUSTOMER_NOTES = ['老客户，偏好微信联系', '需开具增值税专用发票', '车辆由司机送修', '工作日中午方便接电话', '会员卡客户', '对价格敏感，报价前先电话沟通']

export const COLOURS = ['白色', '黑色', '银色', '灰色', '珍珠白', '深蓝色', '红色', '棕色', '香槟金']
