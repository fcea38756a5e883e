// POST /v1/transfer-penalty-cases (an agency posts its penalty cases; the detection runs against the
// thresholds and its transfers) and POST /v1/transfer-flags/{flagId}/decision (a procurator confirms
// or dismisses a flag). Each commits the cases, the flags and the events in one transaction under
// the caller's Idempotency-Key; re-posting an unchanged case writes nothing.
import { decideFlag, type PenaltyCaseRecord } from '@fazhi/domain/transfers/detection';
import { defaultThresholds } from '@fazhi/domain/transfers/thresholds';
import { runCommand } from '@fazhi/platform/commands/run-command';
import { ConflictError, ForbiddenError, NotFoundError } from '@fazhi/platform/errors';
import type { RouteContext } from '@fazhi/platform/http/route';
import type { RouteWiring } from '@fazhi/platform/wiring';
import type * as z from 'zod';
import { type Caller, callerOf, requireAgency } from '../shared/access';
import type { flagDecisionBodySchema, penaltyCasesBodySchema } from '../shared/detection-schemas';
import {
  detectCase,
  findFlag,
  findPenaltyCase,
  flagDecidedEvent,
  flagView,
  putFlag,
  type StoredFlag,
  transfersByCaseNo,
} from '../shared/flag-store';

/** A procurator (a person of a procuratorate) decides on a flag; not a department's system. */
export function requireProcurator(c: Caller): void {
  if (c.principal.kind !== 'user' || !c.kinds.includes('procuratorate'))
    throw new ForbiddenError('线索应由人民检察院的检察人员审查决定。', 'procurator-required');
}

export async function postPenaltyCases({ principal, body, headers, rawBody, deps: d }: RouteContext<RouteWiring>) {
  const caller = await callerOf(d, principal!);
  requireAgency(caller);
  const { cases } = body as z.infer<typeof penaltyCasesBodySchema>;
  return runCommand({
    d,
    scope: `transfer-penalty#${caller.actor}`,
    idempotencyKey: headers['idempotency-key'],
    rawBody,
    correlationId: d.newId(),
    status: 200,
    decide: async (now) => {
      const records: PenaltyCaseRecord[] = cases.map((c) => ({ ...c, agencyDepartmentId: caller.departmentId }));
      const transfers = await transfersByCaseNo(d, caller.departmentId, new Set(records.map((r) => r.caseNo)));
      const results: { r: PenaltyCaseRecord; det: Awaited<ReturnType<typeof detectCase>> }[] = [];
      for (const r of records) results.push({ r, det: await detectCase(d, r, transfers, defaultThresholds, now) });
      const writes = results.flatMap((x) => x.det.writes);
      return {
        clocks: [],
        complete: () => ({
          changed: writes.length > 0,
          body: {
            items: results.map(({ r, det }) => ({
              caseNo: r.caseNo,
              outcome: det.outcome,
              flags: det.flags.map(flagView),
            })),
          },
          writes,
          events: results.flatMap((x) => x.det.events),
        }),
      };
    },
  });
}

export async function decideFlagRoute({
  principal,
  params,
  body,
  headers,
  rawBody,
  deps: d,
}: RouteContext<RouteWiring>) {
  const caller = await callerOf(d, principal!);
  const id = params.flagId ?? '';
  const input = body as z.infer<typeof flagDecisionBodySchema>;
  return runCommand({
    d,
    scope: `transfer-flag#${id}#${caller.actor}`,
    idempotencyKey: headers['idempotency-key'],
    rawBody,
    correlationId: id,
    status: 200,
    decide: async (now) => {
      const stored = await findFlag(d, id);
      if (!stored || !caller.seesAll) throw new NotFoundError(`Flag ${id}`);
      requireProcurator(caller);
      if (stored.status === 'superseded')
        throw new ConflictError('flag-superseded', '该线索所依据的案件信息已经变更，请审查新的线索');
      if (stored.status !== 'open')
        throw new ConflictError('flag-already-decided', `该线索已经${stored.status === 'confirmed' ? '确认' : '排除'}`);
      const decision = decideFlag(stored.flag, { ...input, by: caller.actor }, now);
      const decided: StoredFlag = { ...stored, status: decision.decision, decision, version: stored.version + 1 };
      const writes = [putFlag(d, decided)];
      const events = [flagDecidedEvent(stored.flag, decision)];
      // A confirmed 有案不移 makes the penalty on the case a 以罚代刑: detect again, in this transaction.
      const pc = stored.flag.caseNo
        ? await findPenaltyCase(d, stored.flag.agencyDepartmentId, stored.flag.caseNo)
        : undefined;
      if (decision.decision === 'confirmed' && stored.flag.kind === 'untransferred' && pc) {
        const transfers = await transfersByCaseNo(d, pc.record.agencyDepartmentId, new Set([pc.record.caseNo]));
        const det = await detectCase(d, pc.record, transfers, defaultThresholds, now, [decided]);
        writes.push(...det.writes.filter((w) => w.Put?.Item?.pk !== `TRFLAG#${id}`));
        events.push(...det.events);
      }
      return {
        clocks: [],
        complete: () => ({ changed: true, body: flagView(decided), writes, events }),
      };
    },
  });
}
