// Recommendations (检察建议 / 司法建议) in the one table: pk TRREC#<id>, sk REC, and one list item per
// list it is in (sk Q#<list>, gsi1 TRRECQ#<list> / <deliveredAt>#<id>) holding the whole state, so a
// list and its rates are one Query of one partition. Lists: all (the procuratorate, admins),
// dept#<issuer> and dept#<addressee>; a recommendation never changes lists, so nothing is deleted.
// Its clocks run on the platform's clock plan like a transfer case's (`<id>.reply`,
// `<id>.implementation-<n>`), answered by the addressed department's people on duty.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  RECOMMENDATION_KIND_NAMES,
  RECOMMENDATION_STATUS_NAMES,
  type Recommendation,
  type RecommendationDecision,
  type RecommendationEvent,
} from '@fazhi/domain/transfers/recommendation';
import { caseClockCommand, caseClockId, caseClockView } from '@fazhi/platform/clocks/case-clocks';
import type { ClockCommand } from '@fazhi/platform/clocks/clock-plan';
import type { ClockRecord } from '@fazhi/platform/clocks/clock-record';
import { padMs } from '@fazhi/platform/clocks/keys';
import { put, putVersioned, type TransactItem } from '@fazhi/platform/ddb/commit';
import type { NewEvent } from '@fazhi/platform/ddb/outbox';
import { queryPages } from '@fazhi/platform/ddb/query-pages';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { toCityIso } from '@fazhi/platform/events/envelope';
import { isoTimes } from './case-view';
import { RECOMMENDATION_SUBJECT, TRANSFERS_SOURCE } from './subject';

export const recKey = (id: string) => ({ pk: `TRREC#${id}`, sk: 'REC' });

export const listsOfRec = (r: Recommendation) => [
  'all',
  `dept#${r.issuerDepartmentId}`,
  `dept#${r.addresseeDepartmentId}`,
];

export function putRecommendation(d: PlatformDeps, r: Recommendation): TransactItem[] {
  const pk = recKey(r.id).pk;
  return [
    putVersioned(d, { ...recKey(r.id), type: 'recommendation', state: r, version: r.version }),
    ...[...new Set(listsOfRec(r))].map((list) =>
      put(d, {
        pk,
        sk: `Q#${list}`,
        type: 'recommendation-list',
        gsi1pk: `TRRECQ#${list}`,
        gsi1sk: `${padMs(r.deliveredAt)}#${r.id}`,
        state: r,
      }),
    ),
  ];
}

export async function findRecommendation(d: PlatformDeps, id: string): Promise<Recommendation | undefined> {
  const got = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: recKey(id), ConsistentRead: true }));
  return got.Item ? (got.Item.state as Recommendation) : undefined;
}

/** Newest delivered first. */
export function listRecommendations(d: PlatformDeps, list: string, max = 500): Promise<Recommendation[]> {
  return queryPages(
    d,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `TRRECQ#${list}` },
      ScanIndexForward: false,
    },
    (item) => item.state as Recommendation,
    max,
  );
}

export const recClockIds = (r: Recommendation) => Object.keys(r.clocks).map((k) => caseClockId(r.id, k));

function labelsOf(r: Recommendation, key: string) {
  const kind = RECOMMENDATION_KIND_NAMES[r.kind];
  if (key === 'reply') return { kind: 'reply', label: `回复${kind}`, labelEn: 'Reply to the recommendation' };
  const n = key.slice('implementation-'.length);
  return { kind: 'implementation', label: `落实${kind}（第${n}轮）`, labelEn: `Implement the recommendation #${n}` };
}

export function recClockCommands(decision: RecommendationDecision): ClockCommand[] {
  const r = decision.state;
  return decision.clocks.map((i) =>
    caseClockCommand(r.id, i, (key) => ({
      subject: { type: RECOMMENDATION_SUBJECT.type, id: r.id, title: r.subject },
      departmentId: r.addresseeDepartmentId,
      labels: labelsOf(r, key),
    })),
  );
}

/** The domain's event in the catalog's wire form (events/src/types/recommendation.ts). */
export function recEventOf(
  e: RecommendationEvent,
  r: Recommendation,
  clocks: ReadonlyMap<string, ClockRecord>,
): NewEvent {
  const {
    at,
    recommendationId,
    version,
    by,
    addresseeDepartmentId: _a,
    issuerDepartmentId: _i,
    kind: _k,
    ...rest
  } = e.data;
  const replyDue = clocks.get(caseClockId(r.id, 'reply'))?.dueAt;
  return {
    source: TRANSFERS_SOURCE,
    detailType: e.type,
    correlationId: r.id,
    data: {
      recommendationId,
      version,
      at: toCityIso(at),
      by,
      kind: r.kind,
      status: r.status,
      issuerDepartmentId: r.issuerDepartmentId,
      addresseeDepartmentId: r.addresseeDepartmentId,
      ...rest,
      ...(e.type === 'Recommendation.Issued'
        ? { deliveredAt: toCityIso(r.deliveredAt), ...(replyDue ? { replyDueAt: toCityIso(replyDue) } : {}) }
        : {}),
    },
  };
}

export function recommendationView(r: Recommendation, clocks: ReadonlyMap<string, ClockRecord>) {
  const { clocks: keys, ...rest } = r;
  const clockViews = Object.keys(keys).flatMap((k) => {
    const c = clocks.get(caseClockId(r.id, k));
    return c ? [caseClockView(k, c)] : [];
  });
  return JSON.parse(
    JSON.stringify({
      ...(isoTimes(rest) as object),
      kindName: RECOMMENDATION_KIND_NAMES[r.kind],
      statusName: RECOMMENDATION_STATUS_NAMES[r.status],
      overdue: Object.values(r.clocks).some((k) => k?.running && k.breachedAt !== undefined),
      clocks: clockViews,
    }),
  ) as Record<string, unknown>;
}
