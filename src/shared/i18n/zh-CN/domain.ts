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
  // The state machine's gates (ro-gates.ts): why an action is refused, and what to do.
  'roGate.hasLines': '工单 {number} 还没有任何项目，不能授权',
  'roGate.jobsFinished': '工单 {number} 还有 {jobs} 个作业未完工：请先完工或取消这些作业',
  'roGate.noClockRunning': '工单 {number} 还有 {clocks} 个作业正在计时：请先停止计时',
  'roGate.noAdditionalAwaiting': '工单 {number} 有 {additional} 项增项待客户确认：请先记录客户的决定',
  'roGate.partsIssued': '工单 {number} 有 {count} 项配件未发料：{parts}。请先到配件柜台发料，或由主管填写原因后强制结算',
  'roGate.noPartsOnRo': '工单 {number} 已发出的配件（{issued} 件）尚未退回：请先在配件柜台退料',
  'roGate.customerPaid': '客户尚有 ¥{balance} 未付：请先收款，或由有权限的人员挂账放行',
} as const
