import * as z from 'zod';
import { DomainError, issue } from '../domain-error';
import { DISPUTE_TYPE_CODES } from './taxonomy';

// The "1+4+N" structure is configuration, not code: one hub, the channels a city names (by default
// the four of DOMAIN.md §3) and N organisations, each with its locality, the dispute types it takes
// and its mediators. A city renames, adds or removes channels and organisations at run time.

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const slug = z.string().regex(SLUG, '只能使用小写字母、数字和连字符，最长 63 个字符');
const zhText = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最多 ${max} 个字符`);
/** A platform department id (its duty roster receives the alerts of the clocks it owns). */
const departmentId = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, '部门编号格式不正确');
/** GB/T 2260 region codes: 6 digits for a county, 9 for a township, 12 for a village. */
export const regionCode = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '行政区划代码应为 6、9 或 12 位数字');

export const ORGANISATION_KINDS = {
  professional: '专业性调解委员会',
  industry: '行业性调解委员会',
  township: '乡镇（街道）人民调解委员会',
  village: '村（社区）人民调解委员会',
  embedded: '派驻调解室',
  administrative: '行政调解组织',
  judicial: '诉调对接调解组织',
  petition: '访调对接调解组织',
} as const;
export type OrganisationKind = keyof typeof ORGANISATION_KINDS;

export const mediatorSchema = z.object({
  id: slug,
  name: zhText(40),
  phone: z.string().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '电话号码格式不正确'),
  qualifications: z.array(zhText(60)).max(20).default([]),
  fullTime: z.boolean(),
  /** The platform user this mediator signs in as, when they use the workspace. */
  username: z.string().min(1).max(64).optional(),
  /** The committee's head (调委会主任 / 负责人): also sees the organisation's figures and workload. */
  head: z.boolean().optional(),
});
export type Mediator = z.infer<typeof mediatorSchema>;

export const organisationSchema = z.object({
  id: slug,
  name: zhText(80),
  kind: z.enum(Object.keys(ORGANISATION_KINDS) as [OrganisationKind, ...OrganisationKind[]]),
  channelId: slug,
  regionCode,
  disputeTypes: z.array(z.enum(DISPUTE_TYPE_CODES as [string, ...string[]])).min(1, '至少受理一种纠纷类型'),
  mediators: z.array(mediatorSchema).max(500),
  /**
   * The department whose duty roster answers for this organisation's clocks (e.g. the township's
   * 司法所). Absent: the hub's department does.
   */
  departmentId: departmentId.optional(),
  active: z.boolean().default(true),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const channelSchema = z.object({ id: slug, name: zhText(40), active: z.boolean().default(true) });
export type Channel = z.infer<typeof channelSchema>;

export const structureSchema = z.object({
  hub: z.object({
    name: zhText(80),
    regionCode,
    /** The department that runs the hub (e.g. 市司法局): its roster answers for the hub's clocks. */
    departmentId,
    /** The public-security department a reported risk goes to (人民调解法 Art. 25). */
    riskReportDepartmentId: departmentId,
  }),
  /** Names of the localities the city's codes stand for, so suggestions and reports print 某镇, not a code. */
  regions: z
    .array(z.object({ code: regionCode, name: zhText(40) }))
    .max(5000)
    .default([]),
  channels: z.array(channelSchema).min(1).max(20),
  organisations: z.array(organisationSchema).max(2000),
});
export type MediationStructure = z.infer<typeof structureSchema>;

export const DEFAULT_CHANNELS: Channel[] = [
  { id: 'people', name: '人民调解', active: true },
  { id: 'administrative', name: '行政调解', active: true },
  { id: 'judicial', name: '司法调解', active: true },
  { id: 'petition', name: '信访调解', active: true },
];

/**
 * Checks what the schema cannot: ids unique across organisations and mediators, every organisation
 * in a channel that exists. Throws a DomainError naming each failing field.
 */
export function validateStructure(s: MediationStructure): MediationStructure {
  const problems = [];
  const channelIds = new Set<string>();
  for (const [i, c] of s.channels.entries()) {
    if (channelIds.has(c.id)) problems.push(issue(['channels', i, 'id'], 'duplicate', `渠道编号 ${c.id} 重复`));
    channelIds.add(c.id);
  }
  const orgIds = new Set<string>();
  const mediatorIds = new Set<string>();
  const usernames = new Map<string, string>();
  for (const [i, o] of s.organisations.entries()) {
    if (orgIds.has(o.id)) problems.push(issue(['organisations', i, 'id'], 'duplicate', `组织编号 ${o.id} 重复`));
    orgIds.add(o.id);
    if (!channelIds.has(o.channelId))
      problems.push(issue(['organisations', i, 'channelId'], 'unknown-channel', `渠道 ${o.channelId} 不存在`));
    for (const [j, m] of o.mediators.entries()) {
      if (mediatorIds.has(m.id))
        problems.push(issue(['organisations', i, 'mediators', j, 'id'], 'duplicate', `调解员编号 ${m.id} 重复`));
      mediatorIds.add(m.id);
      // A user works for one organisation: access to cases follows the mapping.
      const other = m.username === undefined ? undefined : usernames.get(m.username);
      if (m.username !== undefined && other !== undefined && other !== o.id)
        problems.push(
          issue(['organisations', i, 'mediators', j, 'username'], 'duplicate', `用户 ${m.username} 已属于 ${other}`),
        );
      if (m.username !== undefined) usernames.set(m.username, o.id);
    }
  }
  if (problems.length > 0)
    throw new DomainError('mediation-structure-invalid', 'invalid', '调解组织架构有误', problems);
  return s;
}

/** Staffing targets of the seed (芜湖 item 28): full-time mediators per committee. */
export const STAFFING_TARGETS: Partial<Record<OrganisationKind, number>> = { township: 2, village: 1 };

export interface StaffingLine {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  regionCode: string;
  fullTime: number;
  partTime: number;
  target?: number;
  meets?: boolean;
}

export interface StaffingReport {
  lines: StaffingLine[];
  /** Committees with a target, and how many of them meet it. */
  withTarget: number;
  meeting: number;
  /** The committees below target, for the report's 未达标 list. */
  short: StaffingLine[];
}

export function staffingReport(s: MediationStructure): StaffingReport {
  const lines = s.organisations
    .filter((o) => o.active)
    .map((o): StaffingLine => {
      const fullTime = o.mediators.filter((m) => m.fullTime).length;
      const target = STAFFING_TARGETS[o.kind];
      return {
        organisationId: o.id,
        name: o.name,
        kind: o.kind,
        regionCode: o.regionCode,
        fullTime,
        partTime: o.mediators.length - fullTime,
        ...(target === undefined ? {} : { target, meets: fullTime >= target }),
      };
    });
  const targeted = lines.filter((l) => l.target !== undefined);
  return {
    lines,
    withTarget: targeted.length,
    meeting: targeted.filter((l) => l.meets).length,
    short: targeted.filter((l) => !l.meets),
  };
}

export function findOrganisation(s: MediationStructure, id: string): Organisation {
  const o = s.organisations.find((x) => x.id === id);
  if (!o)
    throw new DomainError('organisation-not-found', 'not-found', `调解组织 ${id} 不存在`, [
      issue('organisationId', 'unknown', '调解组织不存在'),
    ]);
  return o;
}

/** The organisation a platform user mediates for, through the structure's mediator `username`. */
export function organisationOfUser(s: MediationStructure, username: string): Organisation | undefined {
  return s.organisations.find((o) => o.mediators.some((m) => m.username === username));
}

/** Whether the user heads the organisation (a mediator of it marked `head`). */
export function headsOrganisation(s: MediationStructure, username: string, organisationId: string): boolean {
  const o = s.organisations.find((x) => x.id === organisationId);
  return o?.mediators.some((m) => m.username === username && m.head) ?? false;
}

/** The department whose roster answers for an organisation's clocks: its own, or the hub's. */
export function departmentOfOrganisation(s: MediationStructure, organisationId: string | undefined): string {
  const o = organisationId === undefined ? undefined : s.organisations.find((x) => x.id === organisationId);
  return o?.departmentId ?? s.hub.departmentId;
}
