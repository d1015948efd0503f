// Coverage at the desk, and letting a warranty line outside the vehicle's coverage through, on the RO and on approved additional work.
export const lineCheck = {
  'lineCheck.title': '索赔项目超出保修范围',
  'lineCheck.item': '{coverage}：保修至 {untilDate} / {untilKm}',
  'lineCheck.endedBy.date': '已过期',
  'lineCheck.endedBy.km': '已超里程',
  'lineCheck.reason': '放行原因',
  'lineCheck.reasonPlaceholder': '例如：厂家已同意特殊处理（函号 …）',
  'lineCheck.override': '填写原因并放行',
  'lineCheck.needs': '放行需要：{roles}。请改为其他付款方，或请他们处理。',
  'coverage.title': '保修范围',
  'coverage.since': '起始 {date}（{source}）',
  'coverage.source.delivery': '交车日期',
  'coverage.source.first_registration': '首次上牌',
  'coverage.until': '至 {date} / {km}',
  'coverage.left': '在保 · 剩 {days} 天 / {km}',
  'coverage.noStart': '保修起始日未知：请三包索赔员登记交车日期',
}
