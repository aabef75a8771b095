// English strings of the shared list search, late submissions and the everyday-use fixes (mirrors zh-lists.ts).
import type { zhLists } from './zh-lists';

export const enLists: typeof zhLists = {
  searchPlaceholder: 'Search name or code',
  county: 'County',
  status: 'Status',
  matched: '{{count}} matching',
  late: 'Late',
  lateHelp: 'Submitted after the data set’s deadline for this period',
  lateOnly: 'Late only',
  lateReports: 'Late',
  submitConfirmTitle: 'Submit the report?',
  submitConfirm: 'Submitting locks this period’s report: it can no longer be edited and goes to the county review and the statistics bureau’s approval. To correct it later, a reviewer must return it.',
  submitConfirmOk: 'Submit',
  reportStatus: 'Report status',
  lockedCannotCorrect: 'The report holding this value is “{{status}}” and locked: return it before correcting.',
  lockedAskReturn: 'The report holding this value is locked: the county reviewer or the statistics bureau must return it before it can be corrected.',
  noReport: 'No report',
  choose: 'Choose (type to search)',
  units: {
    亿元: '100 million yuan',
    万元: '10 thousand yuan',
    元: 'yuan',
    家: 'firms',
    个: 'units',
    人: 'persons',
    项: 'items',
    '%': '%',
  },
};
