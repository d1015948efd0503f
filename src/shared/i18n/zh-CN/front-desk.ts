// Front-desk messages added with issue 9: opening hours, duplicate mobile, role-aware actions,
// list filters and overdue marks.
export const frontDesk = {
  'weekday.mon': '周一',
  'weekday.tue': '周二',
  'weekday.wed': '周三',
  'weekday.thu': '周四',
  'weekday.fri': '周五',
  'weekday.sat': '周六',
  'weekday.sun': '周日',
  'reception.outsideOpeningHours': '不在营业时间内：{weekday}营业时间为 {hours}，预约须在营业时间内开始并结束',
  'reception.closedOnDay': '{weekday}不营业，不能预约',
  'field.openingHoursFormat': '请按“周一至周日”填写 7 段，每段为“08:00-18:00”或“closed”',
  'appts.outsideConfirmTitle': '营业时间外预约',
  'appts.outsideConfirm': '{message}。确定仍要预约吗？',
  'appts.outsideConfirmOk': '仍然预约',
  'appts.outsideHours': '营业时间外',
} as const
