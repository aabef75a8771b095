// Leading-group review strings (English).
import type { zhReview } from './zh-review';

export const enReview: typeof zhReview = {
  tabs: { items: 'Items', meetings: 'Meetings', funds: 'Funds' },
  type: 'Type', status: 'Status', code: 'Code', title: 'Item', unit: 'Submitting unit', amount: 'Amount (10k yuan)', decision: 'Decision', conditions: 'Conditions',
  project: 'Project', industry: 'Industry', county: 'County', summary: 'Summary', meeting: 'Meeting', heldOn: 'Date', presenter: 'Presenter', place: 'Place',
  search: 'Search code, item, unit', allTypes: 'All types',
  newMeeting: 'Schedule a meeting', meetingTitle: 'Meeting title', agenda: 'Agenda', pickItems: 'Submitted items (in order)', schedule: 'Schedule', noSubmitted: 'No submitted items wait for review',
  attendance: 'Attendance', present: 'Present', absent: 'Absent', position: 'Position', note: 'Note', saveAttendance: 'Save attendance', addAttendee: 'Add person', name: 'Name',
  decide: 'Record decision', decideTitle: 'Decision on {{title}}', save: 'Save', cancel: 'Cancel', minutes: 'Download minutes', decided: 'All decided', scheduled: 'To be decided',
  followUps: 'Follow-up tasks', noFollowUps: 'No follow-up tasks yet', newFollowUp: 'Assign a follow-up task', leadOrg: 'Lead unit', startOn: 'Start', dueOn: 'Due', light: 'Light',
  funds: 'Funds', approved: 'Approved', scheduledToDate: 'Scheduled to date', paid: 'Paid', paymentRate: 'Payment rate', scheduleRate: 'Paid vs schedule', fundSchedule: 'Schedule', disbursements: 'Disbursements', voucher: 'Voucher', paidOn: 'Paid on',
  history: 'History', meetings: 'Meetings', amendments: 'Amendments', amends: 'Amends', attachments: 'Files',
  byIndustry: 'By industry', byCounty: 'By county', byYear: 'By year', total: 'Total', asOf: 'As of',
  back: 'Back', saved: 'Saved', stale: 'Changed by someone else; reloaded, please retry',
  lights: { green: 'Green', yellow: 'Yellow', red: 'Red', none: '—' },
  secretaryHint: 'Only leading-group members or the group secretary record decisions',
  newItem: 'New review item', editItem: 'Edit review item', edit: 'Edit', submit: 'Submit', submitted: 'Submitted', submitConfirm: 'The office will put it on a meeting agenda. Submit now?',
  amend: 'Amend (new item)', amendTitle: 'Amend {{code}}: a new item', amendHint: '{{code}} is decided and cannot change. The amendment is a new item that references it and goes to review on its own.',
  required: 'Required', amountHint: 'Required for major projects and funds', amountRequired: 'Major-project and funds items need an amount (10k yuan)', projectHint: 'A linked project fills the county and industry',
  task: 'Supervised task', chooseFiles: 'Choose files', filesHint: 'PDF, JPG, PNG, Word, Excel, up to 10 MB each (checked by content)',
  conflictTitle: 'Someone else changed this item', conflictReloaded: 'the form now shows the current version; check it and save again',
  order: 'Order', up: 'Move up', down: 'Move down', agendaEmpty: 'Pick submitted items above',
  assign: 'Assign', followUpCreated: 'Assigned; the lead unit has been notified', followUpTitle: 'Task title', followUpContent: 'Task content',
  editSchedule: 'Schedule', newDisbursement: 'Record a payment', addRow: 'Add a row', remove: 'Remove', scheduleTotal: 'Scheduled {{total}} (approved {{approved}}), 10k yuan',
  remaining: '{{amount}} (10k yuan) left to pay', evidence: 'Evidence', addEvidence: 'Add evidence',
  amendDefault: '{{title}} (amended)', followUpDefault: 'Implement: {{title}}', followUpConditions: 'Implement on the conditions: {{conditions}}',
};
