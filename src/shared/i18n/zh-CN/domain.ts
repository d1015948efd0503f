// Domain vocabulary: validation problems from src/shared/domain/schemas and the names of
// repair-order states, actions, payers and types.
export const domain = {
  'vin.length': 'VIN 必须是 17 位',
  'vin.chars': 'VIN 只能包含字母和数字，且不含 I、O、Q',
  'vin.checkDigit': 'VIN 第 9 位校验位不正确，请核对是否输错',
  'plate.invalid': '车牌格式不正确，例如 京A12345 或新能源 粤BD12345',
  'phone.invalid': '电话号码格式不正确，请输入 11 位手机号或带区号的座机号（如 010-12345678）',

  'roState.estimate': '估价',
  'roState.authorised': '已授权',
  'roState.in_progress': '维修中',
  'roState.quality_check': '质检',
  'roState.ready': '待交车',
  'roState.settled': '已结算',
  'roState.delivered': '已交车',
  'roState.cancelled': '已取消',

  'roAction.authorise': '客户授权',
  'roAction.revise': '重新估价',
  'roAction.start_work': '开工',
  'roAction.submit_qc': '提交质检',
  'roAction.qc_pass': '质检通过',
  'roAction.qc_fail': '质检不通过',
  'roAction.settle': '结算',
  'roAction.deliver': '交车',
  'roAction.cancel': '取消工单',

  'payer.customer': '客户',
  'payer.warranty': '索赔',
  'payer.insurance': '保险',
  'payer.internal': '内部',
  'payer.campaign': '活动',

  'roType.maintenance': '保养',
  'roType.repair': '一般维修',
  'roType.warranty': '索赔',
  'roType.insurance': '保险/事故',
  'roType.internal': '内部',
  'roType.campaign': '召回/活动',
} as const
