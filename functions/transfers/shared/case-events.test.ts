// Every TransferCase.* event the domain can announce, in its wire form, is valid against its catalog
// entry, and the catalog's lists are the domain's.
import {
  AGENCY,
  COURT,
  DOCUMENTS,
  HEAD,
  POLICE,
  POLICE_2,
  PROCURATORATE,
  report,
  transferCommand,
} from '@fazhi/domain/transfers/test-fixtures';
import { decide, type TransferCommand } from '@fazhi/domain/transfers/transfer-state';
import {
  type Actor,
  STATUS_NAMES,
  TRANSFER_EVENT_TYPES,
  type TransferCase,
} from '@fazhi/domain/transfers/transfer-types';
import { findCatalogEntry } from '@fazhi/events/catalog';
import { transferStatusSchema } from '@fazhi/events/parts/transfer';
import { TRANSFER_CASE_ENTRIES } from '@fazhi/events/types/transfer-case';
import type { NewEvent } from '@fazhi/platform/ddb/outbox';
import { describe, expect, it } from 'vitest';
import { caseEventOf } from './case-events';

const T0 = Date.parse('2026-09-28T10:00:00+08:00');

/** Runs the steps from a fresh report, collecting every event in its wire form. */
function run(steps: [Actor, TransferCommand][], over: Parameters<typeof report>[0] = {}): NewEvent[] {
  const out: NewEvent[] = [];
  let t = T0;
  let c: TransferCase | undefined;
  for (const [actor, command] of [[AGENCY, report(over)] as [Actor, TransferCommand], ...steps]) {
    t += 60_000;
    const d = decide(c, command, actor, t);
    out.push(...d.events.map((e) => caseEventOf(e, d.state)));
    c = d.state;
  }
  return out;
}

const approve: [Actor, TransferCommand] = [HEAD, { type: 'DecideApproval', approved: true }];
const transfer: [Actor, TransferCommand] = [AGENCY, transferCommand()];
const receive: [Actor, TransferCommand] = [POLICE, { type: 'Receive' }];
const notFiled: [Actor, TransferCommand] = [
  POLICE,
  { type: 'DecideFiling', filed: false, documentNo: '不立字1号', reasons: '没有犯罪事实' },
];
const filed: [Actor, TransferCommand] = [POLICE, { type: 'DecideFiling', filed: true, documentNo: '立字1号' }];
const toSupervision: [Actor, TransferCommand][] = [
  approve,
  transfer,
  receive,
  notFiled,
  [AGENCY, { type: 'RequestSupervision', documentNo: '监1号' }],
  [PROCURATORATE, { type: 'RequireExplanation', documentNo: '要说1号' }],
  [POLICE, { type: 'ExplainNotFiling', documentNo: '说1号', reasons: '证据不足' }],
];

const PATHS: [string, [Actor, TransferCommand][], Parameters<typeof report>[0]?][] = [
  [
    'forward to judgment',
    [
      approve,
      [AGENCY, transferCommand(DOCUMENTS.slice(0, 3))],
      transfer,
      receive,
      [POLICE, { type: 'NotifyIncomplete', missing: ['检验报告原件'] }],
      [AGENCY, { type: 'CompleteMaterials', documents: DOCUMENTS.slice(3, 4) }],
      [
        AGENCY,
        { type: 'ReferDutyCrimeClue', toDepartmentId: 'procuratorate', toKind: 'procuratorate', summary: '线索' },
      ],
      filed,
      [AGENCY, { type: 'HandOver' }],
      [POLICE, { type: 'ConcludeInvestigation', outcome: 'prosecution' }],
      [PROCURATORATE, { type: 'DecideProsecution', prosecuted: true, documentNo: '诉1号', courtDepartmentId: 'court' }],
      [COURT, { type: 'RecordJudgment', documentNo: '刑初1号', summary: '有罪' }],
    ],
  ],
  ['refused', [[HEAD, { type: 'DecideApproval', approved: false, reasons: '未达追诉标准' }]]],
  [
    'economic, complex, reconsideration, supervision, filed on notice',
    [
      approve,
      transfer,
      receive,
      [POLICE, { type: 'DeclareComplex', approvedBy: 'psb.head', documentNo: '延1号' }],
      [POLICE, { type: 'ExtendFilingReview', approvedBy: '上级负责人', documentNo: '延2号', reason: '特殊' }],
      notFiled,
      [AGENCY, { type: 'RequestReconsideration', documentNo: '复1号' }],
      [POLICE, { type: 'DecideReconsideration', filed: false, documentNo: '复决1号', reasons: '维持' }],
      [AGENCY, { type: 'RequestSupervision', documentNo: '监1号' }],
      [PROCURATORATE, { type: 'RequireExplanation', documentNo: '要说1号' }],
      [POLICE, { type: 'ExplainNotFiling', documentNo: '说1号', reasons: '证据不足' }],
      [PROCURATORATE, { type: 'ReviewExplanation', reasonsStand: false, documentNo: '通立1号' }],
      [POLICE, { type: 'DecideFiling', filed: true, documentNo: '立字2号' }],
    ],
    { economic: true },
  ],
  [
    'supervision upheld',
    [
      ...toSupervision,
      [PROCURATORATE, { type: 'ReviewExplanation', reasonsStand: true, documentNo: '审1号' }],
      [PROCURATORATE, { type: 'NotifySupervisionResult', documentNo: '告1号' }],
      [AGENCY, { type: 'DecidePenalty', decided: true, decisionNo: '罚1号' }],
    ],
  ],
  [
    'passed on, reverse transfer',
    [
      approve,
      transfer,
      receive,
      [POLICE, { type: 'PassOn', toDepartmentId: POLICE_2.departmentId, toKind: 'police', reason: '管辖' }],
      [POLICE_2, { type: 'Receive' }],
      [POLICE_2, { type: 'ReverseTransfer', reason: '情节显著轻微' }],
      [AGENCY, { type: 'DecidePenalty', decided: false, reason: '已改正' }],
    ],
  ],
  ['not filed accepted', [approve, transfer, receive, notFiled, [AGENCY, { type: 'AcceptNotFiled' }]]],
  [
    'non-prosecuted, reverse review',
    [
      approve,
      transfer,
      receive,
      filed,
      [POLICE, { type: 'ConcludeInvestigation', outcome: 'prosecution' }],
      [PROCURATORATE, { type: 'DecideProsecution', prosecuted: false, documentNo: '不诉1号' }],
      [PROCURATORATE, { type: 'ReferReverse' }],
      [PROCURATORATE, { type: 'RegisterReverse' }],
      [PROCURATORATE, { type: 'SuspendReverseReview', reason: 'victim-petition' }],
      [PROCURATORATE, { type: 'ResumeReverseReview', reason: 'victim-petition' }],
      [PROCURATORATE, { type: 'ExtendReverseReview', duration: 'P5D', approvedBy: '检察长', reason: '复杂' }],
      [PROCURATORATE, { type: 'ConcludeReverseReview', penaltyAdvised: false, documentNo: '结1号' }],
    ],
  ],
  ['a breach', [[AGENCY, { type: 'RecordClockBreach', key: 'head-approval' }]]],
];

describe('TransferCase events in their wire form', () => {
  const events = PATHS.flatMap(([, steps, over]) => run(steps, over));

  it.each(PATHS.map(([name, steps, over]) => [name, run(steps, over)] as const))(
    '%s: every event is valid against its catalog entry',
    (_name, path) => {
      for (const e of path) {
        // Act
        const entry = findCatalogEntry(e.detailType);
        const parsed = entry?.data.safeParse(e.data);
        // Assess
        expect(entry, e.detailType).toBeDefined();
        expect(parsed?.error?.issues ?? [], e.detailType).toEqual([]);
      }
    },
  );

  it('cover every event type but none carries the party’s credit code, the summary or the team’s names', () => {
    // Act
    const types = new Set(events.map((e) => e.detailType));
    const wire = JSON.stringify(events);
    // Assess
    expect([...TRANSFER_EVENT_TYPES].filter((t) => !types.has(t))).toEqual([]);
    expect(wire).not.toContain('销售不符合安全标准的食品');
    expect(wire).not.toContain('91340200MA2XXXXX0X');
    expect(wire).not.toContain('samr.wang');
  });

  it('the catalog’s statuses and types are the domain’s', () => {
    // Assess
    expect(transferStatusSchema.options).toEqual(Object.keys(STATUS_NAMES));
    expect(TRANSFER_CASE_ENTRIES.map((e) => e.detailType)).toEqual([...TRANSFER_EVENT_TYPES]);
  });
});
