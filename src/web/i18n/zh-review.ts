// 领导小组审议 strings (Chinese).
export const zhReview = {
  tabs: { items: '审议事项', meetings: '会议', funds: '资金拨付' },
  type: '类型', status: '状态', code: '编号', title: '事项', unit: '提交单位', amount: '金额（万元）', decision: '审议决定', conditions: '条件',
  project: '关联项目', industry: '产业', county: '县（市、区）', summary: '摘要', meeting: '会议', heldOn: '会议日期', presenter: '汇报人', place: '地点',
  search: '搜索编号、事项、单位', allTypes: '全部类型',
  newMeeting: '安排会议', meetingTitle: '会议名称', agenda: '议程', pickItems: '选择已提交的事项（按顺序）', schedule: '安排', noSubmitted: '没有已提交待审议的事项',
  attendance: '出席情况', present: '出席', absent: '缺席', position: '职务', note: '备注', saveAttendance: '保存出席情况', addAttendee: '添加人员', name: '姓名',
  decide: '记录决定', decideTitle: '记录审议决定：{{title}}', save: '保存', cancel: '取消', minutes: '下载会议纪要', decided: '已审议完毕', scheduled: '待审议',
  followUps: '落实任务（交办）', noFollowUps: '尚无落实任务', newFollowUp: '交办落实任务', leadOrg: '牵头单位', startOn: '开始日期', dueOn: '完成时限', light: '亮灯',
  funds: '资金', approved: '核定', scheduledToDate: '应拨（截至今日）', paid: '已拨', paymentRate: '资金支付率', scheduleRate: '按计划拨付率', fundSchedule: '拨付计划', disbursements: '拨付记录', voucher: '凭证号', paidOn: '拨付日期',
  history: '办理记录', meetings: '审议记录', amendments: '变更事项', amends: '变更自', attachments: '材料',
  byIndustry: '分产业', byCounty: '分县（市、区）', byYear: '分年度', total: '合计', asOf: '截至',
  back: '返回', saved: '已保存', stale: '数据已被他人修改，已刷新，请重试',
  lights: { green: '绿灯', yellow: '黄灯', red: '红灯', none: '—' },
  secretaryHint: '只有领导小组成员或领导小组秘书可以记录审议决定',
};
