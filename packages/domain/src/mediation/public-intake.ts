// The public online application (网上申请) and the party's satisfaction link: the consent text a
// party agrees to, the rules of the SMS confirmation code, the rate limits, and the satisfaction
// link's lifetime. Pure: hashing, storage and sending are the platform's; time comes in as `now`.

/**
 * The consent text shown on the public form, by version. The applicant's consent is recorded with
 * the exact version they saw; a new wording is a new version, and old versions stay here so a
 * recorded consent can always be read back as it was shown.
 */
export const CONSENT_TEXTS = {
  'online-2026-12': [
    '本人自愿申请人民调解，并同意调解组织依照《中华人民共和国人民调解法》的规定受理和调解本纠纷。',
    '本人知悉：人民调解遵循当事人自愿、平等的原则；当事人一方明确拒绝调解的，不得调解（人民调解法第十七条）；本人在调解活动中可以自主决定接受调解、拒绝调解或者要求终止调解，也可以依法通过仲裁、行政、司法等途径维护自己的权利（人民调解法第二十三条、第二十六条）。',
    '本人保证所填信息真实，并同意调解组织为调解本纠纷使用所填的姓名、联系电话和纠纷情况，与被申请人联系。',
  ].join('\n'),
} as const;
export type ConsentTextVersion = keyof typeof CONSENT_TEXTS;
export const CURRENT_CONSENT_TEXT_VERSION: ConsentTextVersion = 'online-2026-12';
export const CONSENT_TEXT_VERSIONS = Object.keys(CONSENT_TEXTS) as ConsentTextVersion[];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The SMS confirmation code: six digits, ten minutes, five wrong tries and it is dead. */
export const PHONE_CODE_POLICY = { digits: 6, ttlMs: 10 * MINUTE, maxAttempts: 5 } as const;

/** A code as stored: only its hash, when it dies, how many wrong tries it has had. */
export interface StoredCode {
  hash: string;
  expiresAt: number;
  attempts: number;
}

export type CodeCheck = 'ok' | 'wrong' | 'dead';

/**
 * `dead`: no code, expired, or out of tries (the caller asks for a new one); `wrong`: counts one
 * more try; `ok`: the code is used up by the one write that consumes it.
 */
export function checkCode(stored: StoredCode | undefined, givenHash: string, now: number): CodeCheck {
  if (!stored || now >= stored.expiresAt || stored.attempts >= PHONE_CODE_POLICY.maxAttempts) return 'dead';
  return stored.hash === givenHash ? 'ok' : 'wrong';
}

/** Six digits from a uniform random integer in [0, 10^6) the caller draws (a crypto source). */
export function formatCode(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10 ** PHONE_CODE_POLICY.digits) throw new RangeError('code out of range');
  return String(n).padStart(PHONE_CODE_POLICY.digits, '0');
}

/** A fixed-window limit: at most `max` in each window of `windowMs`. */
export interface RateLimit {
  name: string;
  windowMs: number;
  max: number;
}

/** The public routes' limits; keys are per phone or per source address (hashed by the platform). */
export const PUBLIC_RATE_LIMITS = {
  codePerPhoneMinute: { name: 'code-phone-minute', windowMs: MINUTE, max: 1 },
  codePerPhoneDay: { name: 'code-phone-day', windowMs: DAY, max: 5 },
  codePerAddressHour: { name: 'code-ip-hour', windowMs: HOUR, max: 20 },
  applicationPerPhoneDay: { name: 'apply-phone-day', windowMs: DAY, max: 3 },
  applicationPerAddressHour: { name: 'apply-ip-hour', windowMs: HOUR, max: 20 },
  surveyPerAddressHour: { name: 'survey-ip-hour', windowMs: HOUR, max: 60 },
} as const satisfies Record<string, RateLimit>;

/** The window `now` falls in: its start (the counter's key) and when it ends. */
export function windowOf(limit: RateLimit, now: number): { start: number; end: number } {
  const start = Math.floor(now / limit.windowMs) * limit.windowMs;
  return { start, end: start + limit.windowMs };
}

/** With `count` already counted in this window: allowed, or the seconds until the window ends. */
export function rateDecision(
  limit: RateLimit,
  count: number,
  now: number,
): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  if (count < limit.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowOf(limit, now).end - now) / 1000)) };
}

/** A party's satisfaction link stays valid 30 days after closure, as long as the visit clock. */
export const SATISFACTION_LINK_TTL_MS = 30 * DAY;
/** A status-check token given to an online applicant stays valid a year. */
export const STATUS_TOKEN_TTL_MS = 365 * DAY;

/** The case's reference number printed to an online applicant: 网调 + city date + the id's tail. */
export function referenceNoOf(caseId: string, receivedAt: number): string {
  const cityDate = new Date(receivedAt + 8 * HOUR).toISOString().slice(0, 10).replaceAll('-', '');
  return `WT${cityDate}${caseId.slice(-6)}`;
}
