// Issue 17 worked example: run the demo server (dotnet run --project server -- --demo --port 5306), then
// npm install @grpc/grpc-js @grpc/proto-loader && node docs/examples/issue17-worked-example.js protos localhost:5306
// Worked example of issue 17 through gRPC, as each demo role, against a demo server.
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');
const root = process.argv[2];
const addr = process.argv[3] || 'localhost:5306';
const def = loader.loadSync(['offendermgmt/v1/auth.proto', 'offendermgmt/v1/caseload.proto', 'offendermgmt/v1/risk.proto',
  'offendermgmt/v1/mappa.proto', 'offendermgmt/v1/people.proto', 'offendermgmt/v1/audit.proto', 'offendermgmt/v1/compliance.proto'],
  { includeDirs: [root], keepCase: true, enums: String, defaults: true, oneofs: true });
const v1 = grpc.loadPackageDefinition(def).offendermgmt.v1;
const creds = grpc.credentials.createInsecure();
const client = (svc) => new v1[svc](addr, creds);
const call = (svc, method, req, token, purpose = 'case-management') => new Promise((resolve, reject) => {
  const md = new grpc.Metadata();
  if (token) md.add('authorization', `Bearer ${token}`);
  if (purpose) md.add('x-access-purpose', purpose);
  client(svc)[method](req, md, (err, res) => err ? reject(err) : resolve(res));
});
const denied = async (label, p) => { try { await p; console.log(`  !! ${label}: allowed (unexpected)`); } catch (e) { console.log(`  ${label}: ${grpc.status[e.code]} — ${e.details}`); } };

(async () => {
  const s = {};
  for (const u of ['demo.manager', 'demo.supervisor', 'demo.officer', 'demo.partner', 'demo.analyst']) s[u] = await call('Auth', 'SignIn', { username: u, password: 'demo-only-password' }, null, '');
  const tok = (u) => s[u].access_token;
  const me = s['demo.manager'].caller;
  console.log(`1. demo.manager (${me.display_name}) picks a high-risk MAPPA level 2 case of their own`);
  const cases = (await call('Caseload', 'ListCaseload', { officer_id: me.officer_id, page_size: 100 }, tok('demo.manager'))).cases;
  let m = null;
  for (const c of cases.filter(c => c.risk_level === 'RISK_LEVEL_HIGH' && c.scheme === 'SCHEME_VSOMT')) {
    const g = await call('Caseload', 'GetManagement', { id: c.management_id }, tok('demo.manager'));
    if (g.mappa_level === 2 && g.register === 'REGISTER_SEX_OFFENDER') {
      const p = await call('Risk', 'GetPlan', { management_id: g.id }, tok('demo.manager')).catch(() => null);
      if (p && p.actions.some(a => a.overdue)) continue;  // keep the demo's overdue action for step 10
      m = g; break;
    }
  }
  console.log(`   management ${m.id}: risk ${m.risk_level}, MAPPA level ${m.mappa_level}, version ${m.version}`);
  console.log('2. demo.manager records an ARMS assessment giving very high risk, applied to the case');
  const a = await call('Risk', 'RecordAssessment', { person_id: m.person_id, tool: 'ASSESSMENT_TOOL_ARMS', completed_on: new Date().toISOString().slice(0, 10),
    assessor: 'VSOMT offender manager', arms: { risk_factors: ['ARMS_RISK_FACTOR_ACCESS_TO_VICTIMS', 'ARMS_RISK_FACTOR_SEXUAL_PREOCCUPATION'], protective_factors: [], level: 'RISK_LEVEL_VERY_HIGH' },
    narrative: 'New relationship with a woman who has two young children; denies contact with them.', apply_to_management_id: m.id, expected_version: m.version, request_id: `demo-${Date.now()}` }, tok('demo.manager'));
  console.log(`   assessment ${a.id}: level ${a.level}, next review ${a.next_review_on}`);
  m = await call('Caseload', 'GetManagement', { id: m.id }, tok('demo.manager'));
  console.log(`   the case is now ${m.risk_level} (version ${m.version})`);
  await denied('   ChangeRisk naming an assessment that gives another level', call('Caseload', 'ChangeRisk', { id: m.id, expected_version: m.version, risk_level: 'RISK_LEVEL_HIGH', reason: 'test', assessment_id: a.id }, tok('demo.manager')));
  console.log('3. demo.manager refers the case to level 3 and writes a plan with actions');
  const r = await call('Mappa', 'Refer', { person_id: m.person_id, category: 1, proposed_level: 3, reason: 'Very high risk: access to children through a new partner.' }, tok('demo.manager'));
  console.log(`   referral ${r.id} to level ${r.proposed_level}`);
  const due = (d) => new Date(Date.now() + d * 86400000).toISOString().slice(0, 10);
  let plan = await call('Risk', 'CreatePlan', { management_id: m.id, based_on_assessment_id: a.id,
    supervision: 'Weekly home visits, two of them unannounced, until the MAPPA level 3 meeting.',
    monitoring_and_control: 'Check the household at each visit; intelligence on the new partner.',
    interventions: 'Refer to the accredited programme through probation.', victim_safety: 'Safeguarding strategy discussion with children\'s services.',
    actions: [
      { pillar: 'PLAN_PILLAR_SUPERVISION', what: 'Unannounced home visit', owner_officer_id: me.officer_id, due_on: due(7) },
      { pillar: 'PLAN_PILLAR_MONITORING_AND_CONTROL', what: 'If seen with children or near the partner\'s address: stop, record a sighting, tell the VSOMT at once', owner_officer_id: me.officer_id },
      { pillar: 'PLAN_PILLAR_VICTIM_SAFETY', what: 'Strategy discussion about the partner\'s children', owner_agency: 'Children\'s Services', due_on: due(3) },
    ] }, tok('demo.manager'));
  console.log(`   plan ${plan.id}: ${plan.status}, ${plan.actions.length} actions, review ${plan.review_on}`);
  await denied('   demo.manager approving it', call('Risk', 'ApprovePlan', { id: plan.id, expected_version: plan.version }, tok('demo.manager')));
  console.log('4. demo.supervisor approves the plan');
  plan = await call('Risk', 'ApprovePlan', { id: plan.id, expected_version: plan.version, note: 'Agreed; review after the level 3 meeting.' }, tok('demo.supervisor'), 'supervision');
  console.log(`   plan ${plan.status} by ${plan.approved_by}`);
  const trail = (await call('Audit', 'Query', { record_id: plan.id, page_size: 5 }, tok('demo.supervisor'), 'audit')).entries;
  for (const e of trail) console.log(`   audit #${e.sequence} ${e.rpc} by ${e.subject} (${e.purpose}): ${e.outcome}`);
  console.log('5. demo.officer (local officer) gets the risk level and what to do if seen, nothing more');
  const sum = await call('Risk', 'GetRiskSummary', { person_id: m.person_id }, tok('demo.officer'), 'briefing');
  console.log(`   risk ${sum.risk_level}, MAPPA level ${sum.mappa_level}; if seen: ${JSON.stringify(sum.what_to_do_if_seen)}`);
  await denied('   demo.officer reading the assessments', call('Risk', 'ListAssessments', { person_id: m.person_id }, tok('demo.officer'), 'briefing'));
  await denied('   demo.officer reading the plan', call('Risk', 'GetPlan', { management_id: m.id }, tok('demo.officer'), 'briefing'));
  console.log('6. demo.supervisor opens this month\'s level 3 meeting: its agenda');
  const meetings = (await call('Mappa', 'ListMeetings', {}, tok('demo.supervisor'), 'supervision')).meetings;
  for (const x of meetings) console.log(`   level ${x.level} meeting ${x.held_on} ${x.minuted ? '(minuted)' : ''} agencies: ${x.agencies.join(', ')}`);
  const l3 = meetings.find(x => x.level === 3 && !x.minuted);
  const l2 = meetings.find(x => x.level === 2 && !x.minuted);
  let meeting = await call('Mappa', 'GetMeeting', { id: l3.id }, tok('demo.supervisor'), 'supervision');
  console.log(`   agenda of ${meeting.held_on} (events since ${meeting.since}):`);
  for (const c of meeting.agenda) console.log(`     ${c.management_id === m.id ? '*' : ' '} ${c.person_name}: level ${c.level}, ${c.risk_level}; ${c.reasons.join(', ')} — ${c.details.join('; ')}`);
  console.log('7. demo.supervisor records the minutes: actions and a disclosure decision');
  meeting = await call('Mappa', 'RecordMinutes', { meeting_id: l3.id, expected_version: meeting.version,
    attendees: [{ agency: 'Bedfordshire Police', name: 'VSOMT supervisor' }, { agency: 'Probation Service', name: 'Senior probation officer' }, { agency: 'Children\'s Services', name: 'Safeguarding lead' }],
    cases: [{ management_id: m.id, decision: 'Manage at level 3: very high risk to the partner\'s children.', level: 3,
      actions: [{ what: 'Disclose to the partner under the child sex offender disclosure scheme', owner_officer_id: me.officer_id, due_on: due(2) },
                { what: 'Child protection strategy meeting', owner_agency: 'Children\'s Services', due_on: due(5) }],
      disclosure_considered: true, disclosure_decision: 'DISCLOSURE_DECISION_DISCLOSE',
      disclosure_rationale: 'The partner has two children under ten and does not know of the convictions; disclosure is necessary to protect them.' }] },
    tok('demo.supervisor'), 'supervision');
  const minuted = meeting.agenda.find(c => c.management_id === m.id);
  console.log(`   minuted: ${meeting.minuted} by ${meeting.minutes_recorded_by}; case level ${minuted.minutes.level}, disclosure ${minuted.minutes.disclosure_decision}, ${minuted.minutes.actions.length} actions`);
  m = await call('Caseload', 'GetManagement', { id: m.id }, tok('demo.manager'));
  console.log(`   the case's MAPPA level is now ${m.mappa_level}`);
  const acts = (await call('Mappa', 'ListActions', { meeting_id: l3.id }, tok('demo.supervisor'), 'supervision')).actions;
  for (const x of acts) console.log(`   action: ${x.what} — ${x.owner_agency || 'officer ' + x.owner_officer_id} by ${x.due_on}`);
  console.log('8. demo.partner (Children\'s Services, at level 3 meetings only) sees only that meeting\'s cases');
  const pm = (await call('Mappa', 'ListMeetings', {}, tok('demo.partner'))).meetings;
  console.log(`   meetings listed: ${pm.map(x => `level ${x.level} ${x.held_on}`).join('; ')}`);
  const seen = await call('Mappa', 'GetMeeting', { id: l3.id }, tok('demo.partner'));
  console.log(`   level 3 agenda: ${seen.agenda.length} cases`);
  const pa = await call('Risk', 'ListAssessments', { person_id: m.person_id }, tok('demo.partner'));
  console.log(`   the minuted case's assessments: ${pa.assessments.length}, narrative shown: ${pa.assessments[0].narrative.length > 0}`);
  await denied('   demo.partner opening the level 2 meeting', call('Mappa', 'GetMeeting', { id: l2.id }, tok('demo.partner')));
  const l2agenda = (await call('Mappa', 'GetMeeting', { id: l2.id }, tok('demo.supervisor'), 'supervision')).agenda;
  await denied('   demo.partner reading a level 2 case\'s assessments', call('Risk', 'ListAssessments', { person_id: l2agenda[0].person_id }, tok('demo.partner')));
  await denied('   demo.partner reading that person', call('People', 'GetPerson', { id: l2agenda[0].person_id }, tok('demo.partner')));
  console.log('9. demo.analyst, with a reason, sees assessments without the narrative');
  const an = await call('Risk', 'ListAssessments', { person_id: m.person_id }, tok('demo.analyst'), 'reason: auditing risk assessment coverage');
  console.log(`   ${an.assessments.length} assessments, narrative shown: ${an.assessments.some(x => x.narrative.length > 0)}`);
  console.log('10. the manager\'s checks overdue carry their overdue plan actions');
  const od = await call('Compliance', 'ListOverdue', { officer_id: me.officer_id, page_size: 5 }, tok('demo.manager'));
  console.log(`   ${od.checks.length} overdue checks on the first page; plan actions overdue: ${od.plan_actions.map(x => `${x.what} (due ${x.due_on})`).join('; ')}`);
  const wl = await call('Caseload', 'GetOfficerWorkload', { officer_id: me.officer_id, weeks: 1 }, tok('demo.manager'));
  const line = wl.items.find(l => JSON.stringify(l).includes(m.id));
  console.log(`   workload: ${JSON.stringify(wl.points ?? wl.today?.points)} points; this case: ${line ? JSON.stringify(line) : '(none)'}`);
})().catch(e => { console.error('FAILED', e.code, e.details || e); process.exit(1); });
