import { DomainError, issue } from '../domain-error';
import type { Category, IntegrityRecord, Tier } from './integrity-types';
import { PUBLISHED_STATUSES } from './integrity-types';
import { parseUscc } from './subject';

// Red/black status of a subject by credit code, one or hundreds at a time (川渝互查互认, Wulong item
// 11), answered from the region's own records and from records other regions shared in by events,
// each listing with its provenance. A region recognises another region's records by default (互认)
// and may decline one, giving a reason; the latest decision of a region about a record holds.
// Pure rules: the service reads the listings by credit code (a key query per code) and calls these.

export type ListKind = 'black' | 'red';

export type Provenance =
  | { kind: 'local' }
  | { kind: 'shared'; fromRegion: string; eventId: string; receivedAt: number };

/** One entry of either list, as the cross-check sees it. */
export interface Listing {
  /** The record id (black) or red-list entry id, unique across regions (ULIDs). */
  id: string;
  list: ListKind;
  subjectCode: string;
  /** The GB/T 2260 region that keeps the record. */
  regionCode: string;
  provenance: Provenance;
  /** Black: the publication tier and category. */
  tier?: Tier;
  category?: Category;
  listedAt: number;
  /** Last instant on the list (the maximum publication period; a red-list entry's validity). */
  until: number;
  /** `active` while on the list; the keeping region's later events set the others. */
  state: 'active' | 'repaired' | 'ended' | 'revoked';
  documentNo?: string;
}

export interface RecognitionDecision {
  listingId: string;
  /** The region deciding whether to recognise another region's listing. */
  regionCode: string;
  recognised: boolean;
  reason?: string;
  by: string;
  at: number;
}

/** A local record as a black-list listing (undefined when it is not, or no longer, published). */
export function listingOfRecord(r: IntegrityRecord): Listing | undefined {
  const p = r.publication;
  if (!p) return undefined;
  const state: Listing['state'] = PUBLISHED_STATUSES.includes(r.status)
    ? 'active'
    : r.status === 'repaired'
      ? 'repaired'
      : 'ended';
  return {
    id: r.id,
    list: 'black',
    subjectCode: r.subject.creditCode,
    regionCode: r.subject.regionCode,
    provenance: { kind: 'local' },
    tier: p.tier,
    category: r.category,
    listedAt: p.at,
    until: p.endsAt,
    state,
    ...(r.confirmation ? { documentNo: r.confirmation.documentNo } : {}),
  };
}

/**
 * A region's decision on another region's listing.
 * @throws DomainError invalid (`recognition-own-listing`, `reason-required`)
 */
export function decideRecognition(
  listing: Listing,
  decision: { regionCode: string; recognised: boolean; reason?: string },
  by: string,
  now: number,
): RecognitionDecision {
  if (listing.provenance.kind === 'local' || listing.regionCode === decision.regionCode)
    throw new DomainError('recognition-own-listing', 'invalid', '本地区的记录无需互认', [
      issue('listingId', 'own-listing', '本地区的记录无需互认'),
    ]);
  if (!decision.recognised && !decision.reason?.trim())
    throw new DomainError('reason-required', 'invalid', '不予认可其他地区的记录，应当说明理由', [
      issue('reason', 'required', '不予认可其他地区的记录，应当说明理由'),
    ]);
  return {
    listingId: listing.id,
    regionCode: decision.regionCode,
    recognised: decision.recognised,
    ...(decision.reason?.trim() ? { reason: decision.reason.trim() } : {}),
    by,
    at: now,
  };
}

export interface ListingView extends Listing {
  /** For a shared listing: whether the asking region recognises it. */
  recognised: boolean;
  declinedReason?: string;
}

export interface SubjectStatus {
  creditCode: string;
  /** `black` over `red`: a body on the black list is not shown as keeping faith. */
  status: 'black' | 'red' | 'none';
  black: ListingView[];
  red: ListingView[];
  /** Shared black listings the region declined to recognise (shown, not counted). */
  notRecognised: ListingView[];
  /** Red listings that do not count because the subject is on the black list. */
  redSuppressed: boolean;
}

export interface CheckOptions {
  /** The asking region (GB/T 2260). */
  regionCode: string;
  asOf: number;
}

const isActive = (l: Listing, asOf: number) => l.state === 'active' && l.listedAt <= asOf && asOf <= l.until;

/** The latest decision of `regionCode` on each listing. */
function decisionsOf(decisions: readonly RecognitionDecision[], regionCode: string): Map<string, RecognitionDecision> {
  const latest = new Map<string, RecognitionDecision>();
  for (const d of decisions) {
    if (d.regionCode !== regionCode) continue;
    const prior = latest.get(d.listingId);
    if (!prior || d.at >= prior.at) latest.set(d.listingId, d);
  }
  return latest;
}

function statusFrom(
  code: string,
  listings: readonly Listing[],
  decided: Map<string, RecognitionDecision>,
  opts: CheckOptions,
): SubjectStatus {
  const black: ListingView[] = [];
  const red: ListingView[] = [];
  const notRecognised: ListingView[] = [];
  const seen = new Set<string>();
  for (const l of listings) {
    if (l.subjectCode !== code || !isActive(l, opts.asOf) || seen.has(l.id)) continue;
    seen.add(l.id);
    const foreign = l.provenance.kind === 'shared' && l.regionCode !== opts.regionCode;
    const d = foreign ? decided.get(l.id) : undefined;
    const view: ListingView = {
      ...l,
      recognised: d?.recognised ?? true,
      ...(d && !d.recognised && d.reason ? { declinedReason: d.reason } : {}),
    };
    if (!view.recognised) notRecognised.push(view);
    else (l.list === 'black' ? black : red).push(view);
  }
  const status = black.length > 0 ? 'black' : red.length > 0 ? 'red' : 'none';
  return { creditCode: code, status, black, red, notRecognised, redSuppressed: black.length > 0 && red.length > 0 };
}

/** One subject's status from the listings held for its code (local and shared). */
export function subjectCreditStatus(
  creditCode: string,
  listings: readonly Listing[],
  decisions: readonly RecognitionDecision[],
  opts: CheckOptions,
): SubjectStatus {
  return statusFrom(creditCode.trim(), listings, decisionsOf(decisions, opts.regionCode), opts);
}

/** Most codes one batch may ask for. */
export const BATCH_LIMIT = 1000;

export interface BatchResult {
  /** One per distinct valid code, in the order asked. */
  results: SubjectStatus[];
  /** Codes that are not credit codes, with why; the rest of the batch is still answered. */
  invalid: { creditCode: string; problem: string; message: string }[];
}

/**
 * Status of many subjects at once. Listings are indexed by code once, so the batch is linear in
 * codes + listings.
 * @throws DomainError invalid (`batch-empty`, `batch-too-large`)
 */
export function batchCreditStatus(
  codes: readonly string[],
  listings: readonly Listing[],
  decisions: readonly RecognitionDecision[],
  opts: CheckOptions,
): BatchResult {
  if (codes.length === 0)
    throw new DomainError('batch-empty', 'invalid', '请提供统一社会信用代码', [
      issue('codes', 'required', '请提供统一社会信用代码'),
    ]);
  if (codes.length > BATCH_LIMIT)
    throw new DomainError('batch-too-large', 'invalid', `一次最多查询${BATCH_LIMIT}个统一社会信用代码`, [
      issue('codes', 'too-many', `一次最多查询${BATCH_LIMIT}个统一社会信用代码`),
    ]);
  const byCode = new Map<string, Listing[]>();
  for (const l of listings) {
    const list = byCode.get(l.subjectCode);
    if (list) list.push(l);
    else byCode.set(l.subjectCode, [l]);
  }
  const decided = decisionsOf(decisions, opts.regionCode);
  const results: SubjectStatus[] = [];
  const invalid: BatchResult['invalid'] = [];
  const asked = new Set<string>();
  for (const raw of codes) {
    const code = raw.trim();
    if (asked.has(code)) continue;
    asked.add(code);
    const parsed = parseUscc(code);
    if (!parsed.ok) {
      invalid.push({ creditCode: raw, problem: parsed.problem, message: parsed.message });
      continue;
    }
    results.push(statusFrom(code, byCode.get(code) ?? [], decided, opts));
  }
  return { results, invalid };
}
