import * as z from 'zod';
import { type MediationStructure, ORGANISATION_KINDS, type Organisation, regionCode } from './structure';
import { DISPUTE_TYPE_CODES, DISPUTE_TYPES, type DisputeType } from './taxonomy';

// Which organisation the hub should send a dispute to. Rules are data a city edits ("劳动争议 + 某镇
// → 某镇劳动争议调委会"); when no rule names the case, organisations are ranked by what they declare
// (the dispute types they take, how close their locality is). Every suggestion says why, in Chinese,
// because the dispatcher decides and must be able to disagree.

export const dispatchRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  disputeTypes: z.array(z.enum(DISPUTE_TYPE_CODES as [string, ...string[]])).min(1),
  /** The case's region code must start with this (a county, township or village code). */
  regionPrefix: regionCode.optional(),
  organisationId: z.string().min(1).max(63),
});
export type DispatchRule = z.infer<typeof dispatchRuleSchema>;

export interface SuggestionInput {
  disputeType: DisputeType;
  regionCode: string;
  /** Organisations that already returned the case are not suggested again. */
  exclude?: readonly string[];
}

export interface Suggestion {
  organisationId: string;
  name: string;
  /** Higher is better; rules outrank declared matches. */
  score: number;
  reason: string;
  ruleId?: string;
}

/** How many leading digits two region codes share, counted in whole levels (6, 9, 12). */
function sharedLevels(a: string, b: string): number {
  let levels = 0;
  for (const len of [6, 9, 12]) {
    if (a.length >= len && b.length >= len && a.slice(0, len) === b.slice(0, len)) levels++;
    else break;
  }
  return levels;
}

export function regionName(code: string, structure: MediationStructure): string {
  return structure.regions.find((r) => r.code === code)?.name ?? code;
}

export function suggestOrganisations(
  input: SuggestionInput,
  structure: MediationStructure,
  rules: readonly DispatchRule[],
  limit = 3,
): Suggestion[] {
  const excluded = new Set(input.exclude ?? []);
  const usable = (o: Organisation | undefined): o is Organisation => !!o && o.active && !excluded.has(o.id);
  const typeName = DISPUTE_TYPES[input.disputeType];
  const out = new Map<string, Suggestion>();
  for (const r of rules) {
    if (!r.disputeTypes.includes(input.disputeType)) continue;
    if (r.regionPrefix && !input.regionCode.startsWith(r.regionPrefix)) continue;
    const org = structure.organisations.find((o) => o.id === r.organisationId);
    if (!usable(org)) continue;
    const where = r.regionPrefix ? ` + ${regionName(r.regionPrefix, structure)}` : '';
    const score = 100 + (r.regionPrefix?.length ?? 0);
    const prior = out.get(org.id);
    if (!prior || prior.score < score)
      out.set(org.id, {
        organisationId: org.id,
        name: org.name,
        score,
        ruleId: r.id,
        reason: `规则：${typeName}${where} → ${org.name}`,
      });
  }
  for (const org of structure.organisations) {
    if (!usable(org) || out.has(org.id) || !org.disputeTypes.includes(input.disputeType)) continue;
    const levels = sharedLevels(org.regionCode, input.regionCode);
    if (levels === 0) continue;
    // A specialised committee for the type beats a general one at the same distance.
    const specialised = org.kind === 'professional' || org.kind === 'industry' ? 1 : 0;
    const inside = input.regionCode.startsWith(org.regionCode);
    out.set(org.id, {
      organisationId: org.id,
      name: org.name,
      score: levels * 10 + specialised + (inside ? 2 : 0),
      reason: `受理${typeName}，${ORGANISATION_KINDS[org.kind]}，辖区${inside ? '覆盖' : '邻近'}纠纷发生地`,
    });
  }
  return [...out.values()]
    .sort((a, b) => b.score - a.score || a.organisationId.localeCompare(b.organisationId))
    .slice(0, limit);
}
