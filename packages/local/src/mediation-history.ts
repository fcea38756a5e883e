// The demo city's mediation caseload over the history's days (issue 9): a few hundred disputes,
// each run through the real API as the people of the "1+4+N" structure would run it — registered at
// the window, on the hotline, found by screening or delegated by the court with its key; dispatched
// (some returned and dispatched again), accepted, consented, mediated in sessions, extended or
// paused, some reported to public security, then agreed or failed, confirmed by the court, closed,
// visited and rated. The monthly report's counters come from the events these steps publish, as
// they do in production. Cases received in the last weeks are still open when the history ends:
// the workspace starts with a live caseload whose clocks run into the future, never into the past.
//
// Each case is a small process on the history's agenda (spawnCase): it waits for its next instant,
// acts, reads its clocks back and times its next step against the instant the sweeper would warn,
// so most clocks are met before any warning and the few meant to be late really breach.
import { cityDayOf, civilFromDay, startOfCityDay } from '@fazhi/domain/clocks/city-time';
import type { ClockRecord } from '@fazhi/platform/clocks/clock-record';
import { DEMO_MEDIATION_STRUCTURE } from './mediation-seed';
import { pick, prng } from './prng';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface MediationHistoryContext {
  /** Adds an action at an instant to the history's agenda. */
  add(step: { at: number; run: () => Promise<void> }): void;
  /** The simulated present. */
  now(): number;
  /** No step of the history may happen at or after this instant (an hour before the real present). */
  cutoff: number;
  /** A request as a demo user (username) or as a department system (its API key). */
  call(method: string, path: string, who: string | { apiKey: string }, body?: unknown, key?: string): Promise<unknown>;
  /** The stored clock, read from the table as the sweeper would read it. */
  clock(id: string): Promise<ClockRecord | undefined>;
  /** The next instant the sweeper acts on a clock (a warning or the breach); null when none. */
  nextAlarm(r: ClockRecord): number | null;
  departmentKey(id: string): string;
  /** Told of each case as it is registered (the marker keeps them, for a start that finds the history interrupted). */
  created(caseId: string): Promise<void>;
}

type Source = 'window' | 'hotline' | 'screening' | 'court-delegation';
type Fate = 'early' | 'warned' | 'late';

export interface MediationCaseScript {
  n: number;
  receivedAt: number;
  source: Source;
  disputeType: string;
  regionCode: string;
  title: string;
  organisationId: string;
  /** The organisation dispatched first that returns the case (a dispatch against the rules). */
  returnedBy?: string;
  amountFen: number;
  peopleInvolved: number;
  risk: 'low' | 'medium' | 'high';
  respondent: 'prompt' | 'slow' | 'never';
  sessions: number;
  outcome: 'agreed' | 'failed';
  fate: Fate;
  extend: boolean;
  pause: boolean;
  riskReport: boolean;
  confirmation: 'declined' | 'applied';
  performance: 'full' | 'partial' | 'none';
  performanceDays: number;
  scores: [number, number];
  /** Per-case random numbers for delays, so the script stays a pure function of the seed. */
  seed: number;
}

const TYPE_WEIGHTS: [string, number][] = [
  ['neighbourhood', 0.17],
  ['marriage_family', 0.13],
  ['labour', 0.12],
  ['contract', 0.1],
  ['traffic', 0.1],
  ['damages', 0.08],
  ['property_management', 0.08],
  ['consumer', 0.06],
  ['housing_homestead', 0.05],
  ['medical', 0.04],
  ['land_acquisition', 0.03],
  ['forest_land', 0.02],
  ['other', 0.02],
];
const REGION_WEIGHTS: [string, number][] = [
  ['340202001', 0.34],
  ['340202002', 0.3],
  ['340202100', 0.16],
  ['340202100201', 0.11],
  ['340202100202', 0.09],
];
const SOURCE_WEIGHTS: [Source, number][] = [
  ['window', 0.4],
  ['hotline', 0.3],
  ['screening', 0.18],
  ['court-delegation', 0.12],
];
const TOWNSHIP: Record<string, string> = {
  '340202001': 'fanluoshan',
  '340202002': 'tianmenshan',
  '340202100': 'jingshan',
  '340202100201': 'xiangyang-village',
  '340202100202': 'hongqi-village',
};
const PLACE: Record<string, string> = {
  '340202001': '范罗山街道',
  '340202002': '天门山街道',
  '340202100': '荆山镇',
  '340202100201': '荆山镇向阳村',
  '340202100202': '荆山镇红旗村',
};
// Made-up disputes of an ordinary district year; nothing refers to a real case.
const TITLES: Record<string, string[]> = {
  neighbourhood: ['楼上漏水致楼下受损纠纷', '噪音扰民纠纷', '公共通道堆放杂物纠纷', '宠物伤人纠纷'],
  marriage_family: ['离婚后子女抚养费纠纷', '赡养老人费用分担纠纷', '遗产分割纠纷'],
  labour: ['拖欠工资纠纷', '工伤赔偿纠纷', '解除劳动合同经济补偿纠纷', '农民工劳务费纠纷'],
  contract: ['房屋租赁押金纠纷', '装修合同质量纠纷', '买卖合同货款纠纷'],
  traffic: ['电动车与行人碰撞赔偿纠纷', '两车追尾损失赔偿纠纷', '停车场剐蹭赔偿纠纷'],
  damages: ['广告牌坠落砸车赔偿纠纷', '施工损坏管线赔偿纠纷'],
  property_management: ['物业费收缴纠纷', '小区停车位管理纠纷', '电梯维修资金使用纠纷'],
  consumer: ['预付卡退费纠纷', '网购商品退换纠纷', '餐饮消费质量纠纷'],
  housing_homestead: ['宅基地界址纠纷', '房屋翻建采光纠纷'],
  medical: ['术后并发症赔偿纠纷', '诊疗费用争议纠纷'],
  land_acquisition: ['征地补偿款分配纠纷', '青苗补偿纠纷'],
  forest_land: ['山林承包界址纠纷'],
  other: ['集体经济收益分配纠纷'],
};
const RETURN_REASONS = ['本案不属于本委员会受理范围，建议分派专业调委会', '当事人住所不在本辖区，建议分派属地调委会'];

/** The organisation the dispatch rules and the structure give a dispute (DEMO_DISPATCH_RULES, then the township). */
export function organisationFor(disputeType: string, regionCode: string, source: Source): string {
  const inJingshan = regionCode.startsWith('340202100');
  switch (disputeType) {
    case 'labour':
      return regionCode === '340202001'
        ? 'fanluoshan-labour'
        : source === 'court-delegation'
          ? 'court-room'
          : 'jingshan';
    case 'medical':
      return 'district-medical';
    case 'traffic':
      return 'district-traffic';
    case 'property_management':
      return 'district-property';
    case 'consumer':
      return regionCode === '340202001' ? 'fanluoshan-market' : 'consumer-admin';
    case 'forest_land':
    case 'land_acquisition':
      return inJingshan ? 'jingshan' : 'petition-room';
    case 'contract':
    case 'damages':
      return source === 'court-delegation' ? 'court-room' : TOWNSHIP[regionCode]!;
    default:
      return TOWNSHIP[regionCode]!;
  }
}

/** The cases of the history in order of receipt: a pure function of the seed and the span. */
export function mediationHistoryScripts(
  seed: number,
  firstDayStart: number,
  days: number,
  count: number,
): MediationCaseScript[] {
  const r = prng(seed ^ 0x5eed);
  const scripts: MediationCaseScript[] = [];
  for (let n = 0; n < count; n++) {
    // Slightly more of them lately, as a hub that became known draws more disputes.
    const dayIndex = Math.min(days - 1, Math.floor(days * r() ** 0.8));
    const receivedAt = firstDayStart + dayIndex * DAY + 8 * HOUR + 30 * MIN + Math.floor(r() * 9 * HOUR);
    const source = pick(r, SOURCE_WEIGHTS);
    let disputeType = pick(r, TYPE_WEIGHTS);
    if (source === 'court-delegation' && !['contract', 'damages', 'labour', 'traffic'].includes(disputeType))
      disputeType = 'contract';
    const regionCode = pick(r, REGION_WEIGHTS);
    const organisationId = organisationFor(disputeType, regionCode, source);
    const township = TOWNSHIP[regionCode]!;
    const returnedBy = r() < 0.1 && township !== organisationId ? township : undefined;
    const titles = TITLES[disputeType]!;
    const peopleInvolved = r() < 0.1 ? 6 + Math.floor(r() * 30) : 2 + Math.floor(r() * 3);
    const riskReport = r() < 0.05;
    const x = r();
    const respondent = x < 0.8 ? 'prompt' : x < 0.9 ? 'slow' : 'never';
    const f = r();
    const progress = dayIndex / days;
    // Organisations improve as the hub's follow-up takes hold: fewer late cases later on.
    const fate: Fate = f < 0.05 - 0.03 * progress ? 'late' : f < 0.12 ? 'warned' : 'early';
    // One committee has a weaker record, so the satisfaction chart has a line below the 90 % target.
    const weak = organisationId === 'consumer-admin' || organisationId === 'fanluoshan-market';
    const score = () => {
      const s = r();
      return (
        weak ? (s < 0.72 ? 5 - Math.floor(r() * 2) : 3 - Math.floor(r() * 2)) : s < 0.95 ? 5 - Math.floor(r() * 2) : 3
      ) as number;
    };
    scripts.push({
      n,
      receivedAt,
      source,
      disputeType,
      regionCode,
      title: `${PLACE[regionCode]}${titles[Math.floor(r() * titles.length)]}`,
      organisationId,
      ...(returnedBy ? { returnedBy } : {}),
      amountFen: Math.round((500 + r() ** 2 * 200_000) / 100) * 10_000,
      peopleInvolved,
      risk: riskReport ? 'high' : r() < 0.2 ? 'medium' : 'low',
      respondent,
      sessions: 1 + Math.floor(r() * 3),
      outcome: respondent === 'never' || r() < 0.08 ? 'failed' : 'agreed',
      fate,
      extend: r() < 0.08,
      pause: r() < 0.05,
      riskReport,
      confirmation: source === 'court-delegation' || r() < 0.15 ? 'applied' : 'declined',
      performance: ((p) => (p < 0.82 ? 'full' : p < 0.94 ? 'partial' : 'none'))(r()),
      performanceDays: 10 + Math.floor(r() * 30),
      scores: [score(), score()],
      seed: Math.floor(r() * 2 ** 31),
    });
  }
  return scripts.sort((a, b) => a.receivedAt - b.receivedAt);
}

/** Thrown by `wait` when the next step would reach the present: the case stays open from there. */
class Present extends Error {}

/**
 * Runs `body` as a process on the agenda: each `wait(t)` adds its continuation as a step at t and
 * hands the agenda back, which resumes it when the history reaches t. A wait at or past the cutoff
 * ends the process quietly (the case stays as it is, its clocks running into the future).
 */
function spawn(
  ctx: MediationHistoryContext,
  start: number,
  body: (wait: (t: number) => Promise<void>) => Promise<void>,
): void {
  let step: { done: () => void; fail: (e: unknown) => void } | undefined;
  const settle = (e?: unknown) => {
    const s = step;
    step = undefined;
    if (s) e === undefined ? s.done() : s.fail(e);
  };
  const wait = (t: number): Promise<void> => {
    if (t >= ctx.cutoff) return Promise.reject(new Present());
    return new Promise<void>((resume) => {
      ctx.add({
        at: t,
        run: () =>
          new Promise<void>((done, fail) => {
            step = { done, fail };
            resume();
          }),
      });
      settle();
    });
  };
  if (start >= ctx.cutoff) return;
  ctx.add({
    at: start,
    run: () =>
      new Promise<void>((done, fail) => {
        step = { done, fail };
        body(wait).then(
          () => settle(),
          (e: unknown) => settle(e instanceof Present ? undefined : e),
        );
      }),
  });
}

/** The next instant in city working hours (09:00–17:30) at or after t. */
function workingHours(t: number): number {
  const day = cityDayOf(t);
  const local = t - startOfCityDay(day);
  if (local < 9 * HOUR) return startOfCityDay(day) + 9 * HOUR;
  if (local > 17.5 * HOUR) return startOfCityDay(day + 1) + 9 * HOUR;
  return t;
}

const organisations = new Map(DEMO_MEDIATION_STRUCTURE.organisations.map((o) => [o.id, o]));

/** Who acts for an organisation: its first mediator with a login, or the hub's dispatcher for one without. */
export function actorOf(organisationId: string): string {
  return organisations.get(organisationId)?.mediators.find((m) => m.username)?.username ?? 'justice.hub';
}

/** Adds every case of the scripts to the agenda; returns how many started and how many finished. */
export function scheduleMediationHistory(
  ctx: MediationHistoryContext,
  scripts: readonly MediationCaseScript[],
): { started: () => number; closed: () => number } {
  let started = 0;
  let closed = 0;
  for (const s of scripts) {
    spawn(ctx, s.receivedAt + 15 * MIN, async (wait) => {
      const r = prng(s.seed);
      const between = (from: number, to: number) => from + Math.floor(r() * Math.max(0, to - from));
      const idem = (step: string) => `demo-history-mediation-${s.n}-${step}`;
      const dispute = {
        title: s.title,
        disputeType: s.disputeType,
        regionCode: s.regionCode,
        amountFen: s.amountFen,
        peopleInvolved: s.peopleInvolved,
        risk: s.risk,
        parties: parties(s.n),
      };
      let caseId: string;
      if (s.source === 'court-delegation') {
        const posted = (await ctx.call(
          'POST',
          '/v1/events',
          { apiKey: ctx.departmentKey('court') },
          {
            entries: [
              {
                detailType: 'MediationReferral.Delegated',
                detail: {
                  data: {
                    referenceNo: `（${new Date(s.receivedAt).getUTCFullYear()}）皖0202民诉前调${100 + s.n}号`,
                    ...dispute,
                    summary: `${s.title}，经人民法院引导，当事人同意诉前调解。`,
                    referredAt: new Date(s.receivedAt).toISOString(),
                  },
                },
              },
            ],
          },
          idem('referral'),
        )) as { entries: { eventId: string }[] };
        caseId = posted.entries[0]!.eventId;
      } else {
        const created = (await ctx.call(
          'POST',
          '/v1/mediation-cases',
          'justice.hub',
          {
            source: s.source,
            ...dispute,
            summary: `${s.title}，当事人${s.source === 'hotline' ? '致电 12345 热线' : s.source === 'window' ? '到中心窗口' : '经排查发现后'}申请调解。`,
            receivedAt: new Date(s.receivedAt).toISOString(),
          },
          idem('intake'),
        )) as { id: string };
        caseId = created.id;
      }
      started++;
      await ctx.created(caseId);
      let steps = 0;
      const act = (who: string, action: string, body: unknown) =>
        ctx.call('POST', `/v1/mediation-cases/${caseId}/${action}`, who, body, idem(`${action}-${++steps}`));
      /** The next instant the sweeper would act on one of this case's clocks. */
      const alarmOf = async (key: string) => {
        const rec = await ctx.clock(`${caseId}.${key}`);
        return rec ? { rec, next: ctx.nextAlarm(rec) } : undefined;
      };
      /** Before a clock's next warning, so an on-time step pages nobody: at most `late` after now, at least 30 min before it. */
      const beforeAlarm = async (key: string, from: number, to: number) => {
        const a = await alarmOf(key);
        const latest = a?.next == null ? to : Math.min(to, a.next - 30 * MIN);
        return Math.max(ctx.now() + MIN, between(from, Math.max(from, latest)));
      };

      // Dispatch; a case dispatched against the rules comes back, and goes where the rules say.
      let dispatches = 0;
      const dispatch = async (organisationId: string) => {
        await wait(workingHours(ctx.now() + between(20 * MIN, 3 * HOUR)));
        dispatches++;
        await ctx.call(
          'POST',
          `/v1/mediation-cases/${caseId}/dispatch`,
          'justice.hub',
          { organisationId },
          idem(`dispatch-${dispatches}`),
        );
        await wait(await beforeAlarm(`dispatch-${dispatches}`, ctx.now() + 30 * MIN, ctx.now() + 6 * HOUR));
      };
      if (s.returnedBy) {
        await dispatch(s.returnedBy);
        await ctx.call(
          'POST',
          `/v1/mediation-cases/${caseId}/answer`,
          actorOf(s.returnedBy),
          { accepted: false, reason: RETURN_REASONS[s.n % RETURN_REASONS.length] },
          idem('return'),
        );
      }
      await dispatch(s.organisationId);
      const mediator = actorOf(s.organisationId);
      await act(mediator, 'answer', { accepted: true });
      await act(mediator, 'consent', { partyId: 'a', given: true, via: 'signed' });
      const org = organisations.get(s.organisationId)!;
      await act(mediator, 'mediators', {
        mediatorIds: org.mediators.slice(0, s.peopleInvolved > 5 ? 2 : 1).map((m) => m.id),
      });
      // A high-risk case is filed as difficult at intake; the hub raises only what intake did not.
      if (s.peopleInvolved > 20 || (s.peopleInvolved > 5 && s.risk !== 'high'))
        await act('justice.hub', 'tier', {
          tier: s.peopleInvolved > 20 ? 'major' : 'difficult',
          ...(s.peopleInvolved > 20 ? { responsibleLeader: 'justice.leader' } : {}),
        });

      // The respondent: most answer within days; some only after the organisation was warned; some never.
      const respondentAlarm = (await alarmOf('respondent'))?.next ?? ctx.now() + 3 * DAY;
      if (s.respondent === 'never') {
        await wait(respondentAlarm + between(HOUR, 4 * HOUR));
        await act(mediator, 'failure', { reason: '被申请人明确表示不同意调解', routesTold: ['litigation'] });
        return finish('failed');
      }
      await wait(
        s.respondent === 'slow'
          ? respondentAlarm + between(HOUR, 5 * HOUR)
          : await beforeAlarm('respondent', workingHours(ctx.now() + 2 * HOUR), ctx.now() + 2 * DAY),
      );
      await act(mediator, 'consent', { partyId: 'b', given: true, via: r() < 0.5 ? 'phone' : 'signed' });

      // Sessions, and what happens between them.
      for (let i = 0; i < s.sessions; i++) {
        await wait(workingHours(await beforeAlarm('limit', ctx.now() + HOUR, ctx.now() + (i === 0 ? 2 : 5) * DAY)));
        await act(mediator, 'session', {
          at: new Date(ctx.now() - HOUR).toISOString(),
          place: `${org.name}调解室`,
          participants: ['申请人', '被申请人', org.mediators[0]!.name],
          summary: i === 0 ? '听取双方陈述，释法明理，明确争议焦点。' : '双方就赔偿数额和履行方式进一步协商。',
          nextStep: i + 1 < s.sessions ? '约定下次调解时间' : '起草调解协议',
        });
        if (i === 0 && s.riskReport) {
          await act(mediator, 'risk', {
            kind: 'civil-to-criminal',
            note: '一方当事人情绪激动，扬言报复，存在民转刑风险。',
          });
          await wait(ctx.now() + between(8 * MIN, 25 * MIN));
          await ctx.call(
            'POST',
            `/v1/mediation-cases/${caseId}/risk-receipt`,
            'psb.duty',
            { note: '已签收，辖区派出所介入稳控' },
            idem('risk-receipt'),
          );
        }
        if (i === 0 && s.pause) {
          await act(mediator, 'pause', { reason: 'awaiting-materials', note: '等待当事人补充医疗费票据' });
          await wait(workingHours(ctx.now() + between(2 * DAY, 4 * DAY)));
          await act(mediator, 'resume', { pauseReason: 'awaiting-materials' });
        }
        if (i === 0 && s.extend) {
          await wait(await beforeAlarm('limit', ctx.now() + HOUR, ctx.now() + 3 * DAY));
          // The court's delegated period counts calendar days; the people's mediation limit counts months.
          const duration = s.source === 'court-delegation' ? 'P15D' : 'P1M';
          await act(mediator, 'extend', { duration, reason: '双方同意延长调解期限', consentOf: ['a', 'b'] });
        }
      }

      // The outcome: on time, on the day of the warning, or after the limit breached.
      const limit = await alarmOf('limit');
      const next = limit?.next ?? ctx.now() + DAY;
      // A late fate needs the whole warning-to-breach stretch in the past, or its alarms would fire now.
      const fate: Fate = s.fate !== 'early' && (limit?.rec.dueAt ?? next) + 2 * DAY < ctx.cutoff ? s.fate : 'early';
      const outcomeAt =
        fate === 'warned'
          ? next + between(HOUR, 5 * HOUR)
          : fate === 'late'
            ? limit!.rec.dueAt + 9 * HOUR + between(30 * MIN, 3 * HOUR)
            : workingHours(await beforeAlarm('limit', ctx.now() + HOUR, ctx.now() + 4 * DAY));
      await wait(outcomeAt);
      if (s.outcome === 'failed') {
        await act(mediator, 'failure', {
          reason: '双方对赔偿数额分歧较大，调解不成',
          routesTold: ['litigation', 'arbitration'],
        });
        return finish('failed');
      }
      const agreedAt = ctx.now();
      await act(mediator, 'agreement', {
        documentNo: `镜调〔${civilFromDay(cityDayOf(agreedAt)).year}〕${1000 + s.n}号`,
        facts: `${s.title}。经调解，双方自愿达成如下协议。`,
        terms: [
          `被申请人于${s.performanceDays}日内支付申请人${(s.amountFen / 100).toLocaleString('zh-CN')}元`,
          '双方就本纠纷再无其他争议',
        ],
        amountFen: s.amountFen,
        performanceDueAt: new Date(agreedAt + s.performanceDays * DAY).toISOString(),
        ...(s.riskReport || s.peopleInvolved > 5
          ? {
              prevented: {
                ...(s.riskReport ? { civilToCriminal: { people: 2 } } : {}),
                ...(s.peopleInvolved > 5 ? { groupPetition: { people: s.peopleInvolved } } : {}),
              },
            }
          : {}),
        ...(s.confirmation === 'declined' ? { confirmationDeclined: true } : {}),
      });
      await wait(workingHours(ctx.now() + between(2 * HOUR, 2 * DAY)));
      await act(mediator, 'close', {});
      closed++;
      if (s.confirmation === 'applied') {
        await wait(await beforeAlarm('confirmation-application', ctx.now() + HOUR, ctx.now() + 5 * DAY));
        await act(mediator, 'confirmation', { courtDepartmentId: 'court' });
        await wait(workingHours(await beforeAlarm('confirmation-acceptance', ctx.now() + 2 * HOUR, ctx.now() + DAY)));
        await court(caseId, 'JudicialConfirmation.Accepted', {
          courtCaseNo: `（${new Date(ctx.now()).getUTCFullYear()}）皖0202民特${200 + s.n}号`,
          acceptedAt: new Date(ctx.now()).toISOString(),
        });
        await wait(workingHours(await beforeAlarm('confirmation-decision', ctx.now() + DAY, ctx.now() + 8 * DAY)));
        await court(caseId, 'JudicialConfirmation.Decided', {
          confirmed: r() < 0.93,
          decidedAt: new Date(ctx.now()).toISOString(),
        });
      }
      // The visit comes in the weeks after closure; the performance check before the agreement's deadline.
      await wait(
        workingHours(await beforeAlarm('performance', ctx.now() + 2 * DAY, agreedAt + s.performanceDays * DAY)),
      );
      await act(mediator, 'performance', {
        honoured: s.performance,
        note:
          s.performance === 'full'
            ? '电话回访，已按期全额履行'
            : s.performance === 'partial'
              ? '已部分履行，督促履行余款'
              : '被申请人未履行，告知申请人可申请强制执行',
      });
      await wait(workingHours(await beforeAlarm('visit', ctx.now() + HOUR, ctx.now() + 10 * DAY)));
      await act(mediator, 'visit', { note: '回访当事人，协议履行情况良好，双方关系缓和' });
      await act(mediator, 'satisfaction', { partyId: 'a', score: s.scores[0], via: 'call' });
      await act(mediator, 'satisfaction', { partyId: 'b', score: s.scores[1], via: r() < 0.4 ? 'link' : 'call' });

      async function finish(_: 'failed'): Promise<void> {
        await wait(workingHours(ctx.now() + between(HOUR, DAY)));
        await act(mediator, 'close', {});
        closed++;
        await wait(workingHours(await beforeAlarm('visit', ctx.now() + HOUR, ctx.now() + 10 * DAY)));
        await act(mediator, 'visit', { note: '回访当事人，已告知其他救济途径' });
        await act(mediator, 'satisfaction', { partyId: 'a', score: Math.min(s.scores[0], 4), via: 'call' });
      }
      function court(id: string, detailType: string, data: Record<string, unknown>) {
        return ctx.call(
          'POST',
          '/v1/events',
          { apiKey: ctx.departmentKey('court') },
          { entries: [{ detailType, detail: { data: { caseId: id, ...data } } }] },
          idem(detailType),
        );
      }
    });
  }
  return { started: () => started, closed: () => closed };
}

function parties(n: number) {
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const a = surnames[n % surnames.length]!;
  const b = surnames[(n * 7 + 3) % surnames.length]!;
  return [
    { id: 'a', role: 'applicant', name: `${a}某`, phone: `1380000${String(1000 + (n % 9000)).padStart(4, '0')}` },
    {
      id: 'b',
      role: 'respondent',
      name: `${b}某`,
      phone: `1390000${String(1000 + ((n * 3) % 9000)).padStart(4, '0')}`,
    },
  ];
}
