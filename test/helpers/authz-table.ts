// The expected outcome of every /api route for each caller, read by test/authz-matrix.test.ts.
//
// One line per route: 'METHOD /url' → nine letters (spaces ignored), in this order:
//   anonymous | admin coordinator department county enterprise statistician leader
// anonymous:  A = allowed (public route), - = 401
// each role:  A = allowed (any answer but 401/403/5xx — a 400 or 404 from a dummy body still passed the
//                 authorisation checks)
//             D = 403
//             O = own scope: allowed on the role's own record (its county's, its enterprise's, its
//                 unit's task) and 403/404 on another's — `sample` is called once with each side
// `sample(side)` gives the URL (and body) to call; left out, the route's own URL is called. Samples use
// stale row versions (999) so an allowed write is refused with 409 instead of changing the fixtures.
import type { Role } from '../../src/shared/roles';

export interface Side {
  enterpriseId: string; enterpriseCode: string; countyCode: string;
  platformId: string; parkId: string; projectId: string;
  taskId: string; orgCode: string; accountabilityId: string;
  spareUserId: string; planId: string; targetId: string;
  /** A draft review item of the side's unit (own: the department's or county's own; other: another unit's). */
  reviewItemId: string; reviewOrgId: string;
}
export interface Fixtures { own: Record<Role, Side>; other: Record<Role, Side> }
/** `fresh`: call with a new session of the same user (for logout, which ends the session). */
export interface Req { url: string; body?: unknown; fresh?: boolean }
export interface Row { expect: string; sample?: (s: Side) => Req | string }

const NONE = 'missing-id';
const platform = (s: Side) => ({ name: '矩阵测试平台', type: 'enterprise_tech_center', level: 'provincial', hostOrg: '矩阵测试有限公司', industryCode: 'new-energy-grid', countyCode: s.countyCode, recognisedOn: '2019-06-01' });
const park = (s: Side) => ({ name: '矩阵测试基地', type: 'base', countyCode: s.countyCode });
const project = (s: Side) => ({ name: '矩阵测试项目', countyCode: s.countyCode });
const enterprise = (s: Side) => ({ uscc: '91130528MA0MATRIX0', name: '矩阵测试企业', countyCode: s.countyCode, tier: 'specialty', aboveScale: true, highTech: false });
const entry = (s: Side) => `dataset=ENT_MONTHLY&org=${s.enterpriseCode}&period=202012`;
const report = (s: Side) => ({ dataset: 'ENT_MONTHLY', org: s.enterpriseCode, period: '202012', rowVersion: 999 });

export const EXPECTED: Record<string, Row> = {
  //                                                  anon  admin coord dept county ent stat leader
  'GET /api/health':                                 { expect: 'A AAAAAAA' },
  'GET /api/app-info':                               { expect: 'A AAAAAAA' },
  'GET /api/audit':                                  { expect: '- AADDDDA' },
  'POST /api/auth/login':                            { expect: 'A AAAAAAA', sample: () => ({ url: '/api/auth/login', body: {} }) },
  'POST /api/auth/logout':                           { expect: '- AAAAAAA', sample: () => ({ url: '/api/auth/logout', fresh: true }) },
  'GET /api/me':                                     { expect: '- AAAAAAA' },
  'GET /api/session':                                { expect: 'A AAAAAAA' },
  'GET /api/openapi.json':                           { expect: 'A AAAAAAA' },
  // plans, organisations, targets
  'GET /api/plans':                                  { expect: '- AAAAAAA' },
  'GET /api/plans/:id':                              { expect: '- AAAAAAA', sample: (s) => `/api/plans/${s.planId}` },
  'POST /api/plans':                                 { expect: '- AADDDDD', sample: () => ({ url: '/api/plans', body: {} }) },
  'POST /api/plans/parse':                           { expect: '- AADDDDD', sample: () => ({ url: '/api/plans/parse', body: { text: '' } }) },
  'POST /api/plans/:id/status':                      { expect: '- AADDDDD', sample: (s) => ({ url: `/api/plans/${s.planId}/status`, body: {} }) },
  'GET /api/organizations':                          { expect: '- AAAAAAA' },
  'GET /api/targets':                                { expect: '- AAAAAAA' },
  'GET /api/targets/:id':                            { expect: '- AAAAAAA', sample: (s) => `/api/targets/${s.targetId}` },
  'POST /api/progress/compute':                      { expect: 'A AAAAAAA', sample: () => ({ url: '/api/progress/compute', body: {} }) },
  // registries: platforms (科技局 department edits), parks, projects (工信局 department edits)
  'GET /api/platforms':                              { expect: '- AAAAAAA' },
  'GET /api/platforms/export.xlsx':                  { expect: '- AAAAAAA' },
  'GET /api/platforms/:id':                          { expect: '- AAAAAAA', sample: (s) => `/api/platforms/${s.platformId}` },
  'POST /api/platforms':                             { expect: '- AAAODDD', sample: (s) => ({ url: '/api/platforms', body: platform(s) }) },
  'PUT /api/platforms/:id':                          { expect: '- AAAODDD', sample: (s) => ({ url: `/api/platforms/${s.platformId}`, body: { ...platform(s), rowVersion: 999 } }) },
  'DELETE /api/platforms/:id':                       { expect: '- AADDDDD', sample: (s) => `/api/platforms/${s.platformId}?rowVersion=999` },
  'POST /api/platforms/import':                      { expect: '- AAAADDD', sample: () => ({ url: '/api/platforms/import', body: {} }) },
  'POST /api/platforms/:id/evidence':                { expect: '- AAAODDD', sample: (s) => ({ url: `/api/platforms/${s.platformId}/evidence`, body: { fileName: 'e.pdf', fileBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') } }) },
  'GET /api/platforms/:id/evidence':                 { expect: '- AAAAAAA', sample: (s) => `/api/platforms/${s.platformId}/evidence` },
  'GET /api/parks':                                  { expect: '- AAAAAAA' },
  'GET /api/parks/export.xlsx':                      { expect: '- AAAAAAA' },
  'GET /api/parks/:id':                              { expect: '- AAAAAAA', sample: (s) => `/api/parks/${s.parkId}` },
  'POST /api/parks':                                 { expect: '- AADODDD', sample: (s) => ({ url: '/api/parks', body: park(s) }) },
  'PUT /api/parks/:id':                              { expect: '- AADODDD', sample: (s) => ({ url: `/api/parks/${s.parkId}`, body: { ...park(s), rowVersion: 999 } }) },
  'DELETE /api/parks/:id':                           { expect: '- AADDDDD', sample: (s) => `/api/parks/${s.parkId}?rowVersion=999` },
  'POST /api/parks/import':                          { expect: '- AADADDD', sample: () => ({ url: '/api/parks/import', body: {} }) },
  'GET /api/projects':                               { expect: '- AAAAAAA' },
  'GET /api/projects/export.xlsx':                   { expect: '- AAAAAAA' },
  'GET /api/projects/:id':                           { expect: '- AAAAAAA', sample: (s) => `/api/projects/${s.projectId}` },
  'POST /api/projects':                              { expect: '- AAAODDD', sample: (s) => ({ url: '/api/projects', body: project(s) }) },
  'PUT /api/projects/:id':                           { expect: '- AAAODDD', sample: (s) => ({ url: `/api/projects/${s.projectId}`, body: { ...project(s), rowVersion: 999 } }) },
  'DELETE /api/projects/:id':                        { expect: '- AADDDDD', sample: (s) => `/api/projects/${s.projectId}?rowVersion=999` },
  'POST /api/projects/import':                       { expect: '- AAAADDD', sample: () => ({ url: '/api/projects/import', body: {} }) },
  // users (administrator only) and one's own notifications
  'GET /api/users':                                  { expect: '- ADDDDDD' },
  'POST /api/users':                                 { expect: '- ADDDDDD', sample: () => ({ url: '/api/users', body: {} }) },
  'PATCH /api/users/:id':                            { expect: '- ADDDDDD', sample: (s) => ({ url: `/api/users/${s.spareUserId}`, body: { rowVersion: 999 } }) },
  'POST /api/users/:id/reset-password':              { expect: '- ADDDDDD', sample: (s) => ({ url: `/api/users/${s.spareUserId}/reset-password`, body: {} }) },
  'POST /api/users/:id/end-sessions':                { expect: '- ADDDDDD', sample: (s) => ({ url: `/api/users/${s.spareUserId}/end-sessions`, body: {} }) },
  'POST /api/users/:id/unlock':                      { expect: '- ADDDDDD', sample: (s) => ({ url: `/api/users/${s.spareUserId}/unlock`, body: {} }) },
  'GET /api/notifications':                          { expect: '- AAAAAAA' },
  'GET /api/notifications/unread-count':             { expect: '- AAAAAAA' },
  'POST /api/notifications/:id/read':                { expect: '- AAAAAAA', sample: () => ({ url: `/api/notifications/${NONE}/read`, body: {} }) },
  'POST /api/notifications/read-all':                { expect: '- AAAAAAA', sample: () => ({ url: '/api/notifications/read-all', body: {} }) },
  // 督查督办: the coordinator runs it; a department or county acts on the tasks naming its unit
  'GET /api/supervision/tree':                       { expect: '- AAAADDA' },
  'GET /api/supervision/board':                      { expect: '- AAAADDA' },
  'GET /api/supervision/inbox':                      { expect: '- AAAADDA' },
  'POST /api/supervision/import-plan':               { expect: '- DADDDDD', sample: () => ({ url: '/api/supervision/import-plan', body: { planId: NONE } }) },
  'POST /api/supervision/tick':                      { expect: '- DADDDDD', sample: () => ({ url: '/api/supervision/tick', body: { asOf: '2020-06-30' } }) },
  'POST /api/supervision/light':                     { expect: '- AAAAAAA', sample: () => ({ url: '/api/supervision/light', body: {} }) },
  'POST /api/supervision/tasks':                     { expect: '- DADDDDD', sample: () => ({ url: '/api/supervision/tasks', body: {} }) },
  'GET /api/supervision/tasks/:id':                  { expect: '- AAOODDA', sample: (s) => `/api/supervision/tasks/${s.taskId}` },
  'PUT /api/supervision/tasks/:id':                  { expect: '- DADDDDD', sample: (s) => ({ url: `/api/supervision/tasks/${s.taskId}`, body: { rowVersion: 999 } }) },
  'DELETE /api/supervision/tasks/:id':               { expect: '- DADDDDD', sample: (s) => `/api/supervision/tasks/${s.taskId}?rowVersion=999` },
  'POST /api/supervision/tasks/:id/assign':          { expect: '- DADDDDD', sample: (s) => ({ url: `/api/supervision/tasks/${s.taskId}/assign`, body: { rowVersion: 999 } }) },
  'POST /api/supervision/tasks/:id/sign':            { expect: '- DDOODDD', sample: (s) => ({ url: `/api/supervision/tasks/${s.taskId}/sign`, body: { rowVersion: 999 } }) },
  'GET /api/supervision/tasks/:id/light-history':    { expect: '- AAOODDA', sample: (s) => `/api/supervision/tasks/${s.taskId}/light-history` },
  'GET /api/supervision/tasks/:id/reports':          { expect: '- AAOODDA', sample: (s) => `/api/supervision/tasks/${s.taskId}/reports` },
  'POST /api/supervision/tasks/:id/reports':         { expect: '- DDOODDD', sample: (s) => ({ url: `/api/supervision/tasks/${s.taskId}/reports`, body: { period: '2020Q4', percentDone: 50, progress: '矩阵测试' } }) },
  'PUT /api/supervision/reports/:id':                { expect: '- DDAADDD', sample: () => ({ url: `/api/supervision/reports/${NONE}`, body: { rowVersion: 999 } }) },
  'POST /api/supervision/reports/:id/review':        { expect: '- DADDDDD', sample: () => ({ url: `/api/supervision/reports/${NONE}/review`, body: { rowVersion: 999, decision: 'accept' } }) },
  'POST /api/supervision/reports/:id/evidence':      { expect: '- DDAADDD', sample: () => ({ url: `/api/supervision/reports/${NONE}/evidence`, body: {} }) },
  'GET /api/supervision/evidence/:id':               { expect: '- AAAADDA', sample: () => `/api/supervision/evidence/${NONE}` },
  'GET /api/supervision/tasks/:id/closures':         { expect: '- AAOODDA', sample: (s) => `/api/supervision/tasks/${s.taskId}/closures` },
  'POST /api/supervision/tasks/:id/closure':         { expect: '- DDOODDD', sample: (s) => ({ url: `/api/supervision/tasks/${s.taskId}/closure`, body: { rowVersion: 999, note: '矩阵测试' } }) },
  'POST /api/supervision/closures/:id/decide':       { expect: '- DADDDDD', sample: () => ({ url: `/api/supervision/closures/${NONE}/decide`, body: { rowVersion: 999, decision: 'approve' } }) },
  'POST /api/supervision/closures/:id/evidence':     { expect: '- DDAADDD', sample: () => ({ url: `/api/supervision/closures/${NONE}/evidence`, body: {} }) },
  'POST /api/supervision/tasks/:id/reopen':          { expect: '- DADDDDD', sample: (s) => ({ url: `/api/supervision/tasks/${s.taskId}/reopen`, body: { rowVersion: 999 } }) },
  'POST /api/supervision/tasks/:id/remind':          { expect: '- DADDDDD', sample: (s) => ({ url: `/api/supervision/tasks/${s.taskId}/remind`, body: { message: '矩阵测试' } }) },
  'POST /api/supervision/reminders/bulk':            { expect: '- DADDDDD', sample: () => ({ url: '/api/supervision/reminders/bulk', body: {} }) },
  'POST /api/supervision/reminders':                 { expect: '- DADDDDD', sample: () => ({ url: '/api/supervision/reminders', body: {} }) },
  'POST /api/supervision/reminders/due':             { expect: '- DADDDDD', sample: () => ({ url: '/api/supervision/reminders/due?asOf=2020-06-30', body: {} }) },
  'GET /api/supervision/reminders':                  { expect: '- AAAADDA' },
  'POST /api/supervision/reminders/:id/read':        { expect: '- AAAADDA', sample: () => ({ url: `/api/supervision/reminders/${NONE}/read`, body: {} }) },
  'GET /api/supervision/accountability':             { expect: '- AAAADDA' },
  'GET /api/supervision/accountability/:id':         { expect: '- AAOODDA', sample: (s) => `/api/supervision/accountability/${s.accountabilityId}` },
  'POST /api/supervision/accountability':            { expect: '- DADDDDD', sample: () => ({ url: '/api/supervision/accountability', body: {} }) },
  'PUT /api/supervision/accountability/:id':         { expect: '- DADDDDD', sample: (s) => ({ url: `/api/supervision/accountability/${s.accountabilityId}`, body: { rowVersion: 999 } }) },
  'DELETE /api/supervision/accountability/:id':      { expect: '- DADDDDD', sample: (s) => `/api/supervision/accountability/${s.accountabilityId}?rowVersion=999` },
  'GET /api/supervision/bulletin':                   { expect: '- AAAADDA', sample: () => '/api/supervision/bulletin?period=2020Q4' },
  'GET /api/supervision/ranking':                    { expect: '- AAAADDA', sample: () => '/api/supervision/ranking?period=2020Q4' },
  'GET /api/supervision/ranking/export':             { expect: '- AAAADDA', sample: () => '/api/supervision/ranking/export?period=2020Q4&format=xlsx' },
  // statistics: catalogue, data sets, values, the report workflow, monitoring
  'GET /api/indicators':                             { expect: '- AAAAAAA' },
  'POST /api/indicators':                            { expect: '- ADDDDAD', sample: () => ({ url: '/api/indicators', body: {} }) },
  'PUT /api/indicators/:code':                       { expect: '- ADDDDAD', sample: () => ({ url: '/api/indicators/GDP', body: { rowVersion: 999 } }) },
  'GET /api/validation-rules':                       { expect: '- AAAAAAA' },
  'PUT /api/validation-rules/:code':                 { expect: '- ADDDDAD', sample: () => ({ url: '/api/validation-rules/MATRIX', body: {} }) },
  'GET /api/datasets':                               { expect: '- AAAAAAA' },
  'POST /api/datasets':                              { expect: '- ADDDDAD', sample: () => ({ url: '/api/datasets', body: {} }) },
  'PUT /api/datasets/:code':                         { expect: '- ADDDDAD', sample: () => ({ url: '/api/datasets/ENT_MONTHLY', body: { rowVersion: 999 } }) },
  'DELETE /api/datasets/:code':                      { expect: '- ADDDDDD', sample: () => '/api/datasets/ENT_MONTHLY?rowVersion=999' },
  // Values of another organisation in a batch are row errors (named row, field, reason), not a 403.
  'POST /api/data-values':                           { expect: '- ADDAAAD', sample: () => ({ url: '/api/data-values', body: {} }) },
  'POST /api/data-values/import':                    { expect: '- ADDAAAD', sample: () => ({ url: '/api/data-values/import', body: {} }) },
  'GET /api/data-values/template':                   { expect: '- AAAAAAA', sample: () => '/api/data-values/template?dataset=ENT_MONTHLY' },
  // Lists filter to what the role may read; a department reads no single enterprise (checked below).
  'GET /api/data-values/export':                     { expect: '- AAAAAAA', sample: () => '/api/data-values/export?period=202012' },
  'GET /api/data-values/audit':                      { expect: '- AADOOAA', sample: (s) => `/api/data-values/audit?org=${s.enterpriseCode}` },
  'GET /api/data-entry/form':                        { expect: '- AADOOAA', sample: (s) => `/api/data-entry/form?${entry(s)}` },
  'PUT /api/data-entry/form':                        { expect: '- ADDOOAD', sample: (s) => ({ url: '/api/data-entry/form', body: { dataset: 'ENT_MONTHLY', org: s.enterpriseCode, period: '202012', values: [{ indicatorCode: 'REVENUE', value: 1, rowVersion: 999 }] } }) },
  'GET /api/reports':                                { expect: '- AAAAAAA', sample: () => '/api/reports?dataset=ENT_MONTHLY&period=202012' },
  'POST /api/reports/submit':                        { expect: '- ADDOOAD', sample: (s) => ({ url: '/api/reports/submit', body: report(s) }) },
  'POST /api/reports/review':                        { expect: '- ADDODAD', sample: (s) => ({ url: '/api/reports/review', body: report(s) }) },
  // 终审 (final approval) is the statistics bureau's: a county reviews, it does not approve.
  'POST /api/reports/approve':                       { expect: '- ADDDDAD', sample: (s) => ({ url: '/api/reports/approve', body: report(s) }) },
  'POST /api/reports/return':                        { expect: '- ADDODAD', sample: (s) => ({ url: '/api/reports/return', body: { ...report(s), reason: '矩阵测试' } }) },
  'GET /api/statistics/violations':                  { expect: '- AAAAAAA', sample: () => '/api/statistics/violations?period=202012' },
  'GET /api/statistics/outliers':                    { expect: '- AAAAAAA', sample: () => '/api/statistics/outliers?period=202012&indicators=REVENUE&window=6' },
  'POST /api/statistics/outliers/review':            { expect: '- ADDAAAD', sample: () => ({ url: '/api/statistics/outliers/review', body: {} }) },
  'GET /api/statistics/completeness':                { expect: '- AAAAAAA', sample: () => '/api/statistics/completeness?dataset=ENT_MONTHLY&period=202012' },
  'POST /api/statistics/reminders':                  { expect: '- AAAAAAA', sample: () => ({ url: '/api/statistics/reminders', body: {} }) },
  'GET /api/statistics/aggregates':                  { expect: '- AAAAAAA', sample: () => '/api/statistics/aggregates?indicator=REVENUE&dim=county&period=2020' },
  'GET /api/statistics/series':                      { expect: '- AAAAAAA', sample: () => '/api/statistics/series?indicator=REVENUE&dim=city&key=all&from=2019&to=2020' },
  'GET /api/statistics/city-series':                 { expect: '- AAAAAAA', sample: () => '/api/statistics/city-series?indicator=GDP' },
  // enterprises: a county keeps its county's, an enterprise its own record
  'GET /api/enterprises':                            { expect: '- AAAAAAA' },
  'GET /api/enterprises/classify':                   { expect: '- AAAAAAA', sample: () => '/api/enterprises/classify?industryCode=3562' },
  'GET /api/sei-categories':                         { expect: '- AAAAAAA' },
  'GET /api/enterprises/template':                   { expect: '- AAAAAAA' },
  'POST /api/enterprises/import':                    { expect: '- AADADAD', sample: () => ({ url: '/api/enterprises/import', body: {} }) },
  'GET /api/enterprises/:id':                        { expect: '- AAAOOAA', sample: (s) => `/api/enterprises/${s.enterpriseId}` },
  'POST /api/enterprises':                           { expect: '- AADODAD', sample: (s) => ({ url: '/api/enterprises', body: enterprise(s) }) },
  'PUT /api/enterprises/:id':                        { expect: '- AADOOAD', sample: (s) => ({ url: `/api/enterprises/${s.enterpriseId}`, body: { rowVersion: 999 } }) },
  // 领导驾驶舱 and drill-down (issue 12): every signed-in role; lists and the pivot are filtered and
  // suppressed for the reader (another county's enterprises come back as an empty list); an enterprise page
  // is its county's or its own only, and a department, which reads suppressed aggregates, has none
  'GET /api/cockpit':                                { expect: '- AAAAAAA', sample: () => '/api/cockpit?period=2020' },
  'GET /api/cockpit/map.geojson':                    { expect: '- AAAAAAA' },
  'GET /api/cockpit/enterprises':                    { expect: '- AAAAAAA', sample: (s) => `/api/cockpit/enterprises?period=2020&county=${s.countyCode}` },
  'GET /api/cockpit/enterprises/:id':                { expect: '- AADOOAA', sample: (s) => `/api/cockpit/enterprises/${s.enterpriseId}?period=2020` },
  'GET /api/pivot':                                  { expect: '- AAAAAAA', sample: () => '/api/pivot?indicators=REVENUE&dim=county&periods=2020' },
  // 评价考核 (issue 9): enterprises do not read evaluations; the coordinator (and admin) keep schemes and run them
  'POST /api/evaluation/compute':                    { expect: '- AAAADAA', sample: () => ({ url: '/api/evaluation/compute', body: {} }) },
  'GET /api/evaluation/schemes':                     { expect: '- AAAADAA' },
  'GET /api/evaluation/schemes/:id':                 { expect: '- AAAADAA', sample: () => `/api/evaluation/schemes/${NONE}` },
  'POST /api/evaluation/schemes':                    { expect: '- AADDDDD', sample: () => ({ url: '/api/evaluation/schemes', body: {} }) },
  'PUT /api/evaluation/schemes/:id':                 { expect: '- AADDDDD', sample: () => ({ url: `/api/evaluation/schemes/${NONE}`, body: { rowVersion: 999 } }) },
  'DELETE /api/evaluation/schemes/:id':              { expect: '- AADDDDD', sample: () => `/api/evaluation/schemes/${NONE}?rowVersion=999` },
  'POST /api/evaluation/schemes/:id/runs':           { expect: '- AADDDDD', sample: () => ({ url: `/api/evaluation/schemes/${NONE}/runs`, body: {} }) },
  'GET /api/evaluation/schemes/:id/compare':         { expect: '- AAAADAA', sample: () => `/api/evaluation/schemes/${NONE}/compare` },
  'GET /api/evaluation/runs':                        { expect: '- AAAADAA' },
  'GET /api/evaluation/runs/:id':                    { expect: '- AAAADAA', sample: () => `/api/evaluation/runs/${NONE}` },
  'POST /api/evaluation/runs/:id/reproduce':         { expect: '- AAAADAA', sample: () => ({ url: `/api/evaluation/runs/${NONE}/reproduce`, body: {} }) },
  'GET /api/evaluation/runs/:id/export':             { expect: '- AAAADAA', sample: () => `/api/evaluation/runs/${NONE}/export?format=xlsx` },
  // 领导小组审议 (issue 11): departments and counties submit their own items; the coordinator's office
  // schedules, creates follow-ups and records funds; leaders (and a designated secretary) decide. A
  // department or county reaches the item writes ('own' in the policy) and which unit's item it may touch is
  // checked in the use-case: the samples use a draft item of the caller's own unit and one of another unit.
  'GET /api/review/items':                           { expect: '- AAAADAA' },
  'POST /api/review/items':                          { expect: '- DAOODDD', sample: (s) => ({ url: '/api/review/items', body: { type: 'decision', title: '矩阵测试事项', submittingOrgId: s.reviewOrgId, summary: '权限矩阵' } }) },
  'GET /api/review/items/:id':                       { expect: '- AAAADAA', sample: (s) => `/api/review/items/${s.reviewItemId}` },
  'PUT /api/review/items/:id':                       { expect: '- DAOODDD', sample: (s) => ({ url: `/api/review/items/${s.reviewItemId}`, body: { rowVersion: 999 } }) },
  'POST /api/review/items/:id/submit':               { expect: '- DAOODDD', sample: (s) => ({ url: `/api/review/items/${s.reviewItemId}/submit`, body: { rowVersion: 999 } }) },
  'POST /api/review/items/:id/follow-ups':           { expect: '- DADDDDD', sample: () => ({ url: `/api/review/items/${NONE}/follow-ups`, body: {} }) },
  'PUT /api/review/items/:id/schedule':              { expect: '- DADDDDD', sample: () => ({ url: `/api/review/items/${NONE}/schedule`, body: {} }) },
  'POST /api/review/items/:id/disbursements':        { expect: '- DAOODDD', sample: (s) => ({ url: `/api/review/items/${s.reviewItemId}/disbursements`, body: {} }) },
  'POST /api/review/items/:id/files':                { expect: '- DAOODDD', sample: (s) => ({ url: `/api/review/items/${s.reviewItemId}/files`, body: {} }) },
  'POST /api/review/disbursements/:id/files':        { expect: '- DAAADDD', sample: () => ({ url: `/api/review/disbursements/${NONE}/files`, body: {} }) },
  'GET /api/review/meetings':                        { expect: '- AAAADAA' },
  'POST /api/review/meetings':                       { expect: '- DADDDDD', sample: () => ({ url: '/api/review/meetings', body: {} }) },
  'GET /api/review/meetings/:id':                    { expect: '- AAAADAA', sample: () => `/api/review/meetings/${NONE}` },
  'PUT /api/review/meetings/:id/attendance':         { expect: '- DADDDDD', sample: () => ({ url: `/api/review/meetings/${NONE}/attendance`, body: {} }) },
  'POST /api/review/meetings/:id/decisions':         { expect: '- DADDDDA', sample: () => ({ url: `/api/review/meetings/${NONE}/decisions`, body: {} }) },
  'GET /api/review/meetings/:id/minutes.docx':       { expect: '- AAAADAA', sample: () => `/api/review/meetings/${NONE}/minutes.docx` },
  'GET /api/review/funds':                           { expect: '- AAAADAA' },
  'GET /api/review/me':                              { expect: '- AAAADAA' },
  'PUT /api/review/secretary':                       { expect: '- ADDDDDD', sample: () => ({ url: '/api/review/secretary', body: {} }) },
  'GET /api/review/files/:id':                       { expect: '- AAAADAA', sample: () => `/api/review/files/${NONE}` },
  // 季度通报 and the public page (issue 12): the report is written for its reader's confidentiality; only
  // the coordinator publishes; the public routes need no login
  'GET /api/reports/briefing':                       { expect: '- AAAAAAA', sample: () => '/api/reports/briefing?period=2020Q4&format=json' },
  'GET /api/publications':                           { expect: '- AADDDDA' },
  'POST /api/publications':                          { expect: '- DADDDDD', sample: () => ({ url: '/api/publications', body: {} }) },
  'PATCH /api/publications/:id':                     { expect: '- DADDDDD', sample: () => ({ url: `/api/publications/${NONE}`, body: { rowVersion: 999 } }) },
  'DELETE /api/publications/:id':                    { expect: '- DADDDDD', sample: () => `/api/publications/${NONE}?rowVersion=999` },
  'GET /api/public/catalogue':                       { expect: 'A AAAAAAA' },
  'GET /api/public/targets':                         { expect: 'A AAAAAAA' },
  'GET /api/public/aggregates':                      { expect: 'A AAAAAAA', sample: () => '/api/public/aggregates?indicator=REVENUE&period=2020' },
};
