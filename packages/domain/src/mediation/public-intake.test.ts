import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import { receiveCase } from './case-state';
import {
  CONSENT_TEXTS,
  CURRENT_CONSENT_TEXT_VERSION,
  checkCode,
  formatCode,
  PHONE_CODE_POLICY,
  PUBLIC_RATE_LIMITS,
  rateDecision,
  referenceNoOf,
  type StoredCode,
  windowOf,
} from './public-intake';
import { T0 } from './test-fixtures';

const limits = Object.values(PUBLIC_RATE_LIMITS);
const instant = fc.integer({ min: T0, max: T0 + 400 * 86_400_000 });

describe('the SMS confirmation code', () => {
  it('is six digits for every draw, and no draw outside [0, 10^6) is accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        const code = formatCode(n);
        expect(code).toMatch(/^\d{6}$/);
        expect(Number(code)).toBe(n);
      }),
    );
    for (const bad of [-1, 1_000_000, 1.5, Number.NaN]) expect(() => formatCode(bad)).toThrow(RangeError);
  });

  it('is ok only with its own hash, before its expiry and while it has tries left', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        instant,
        fc.integer({ min: -PHONE_CODE_POLICY.ttlMs, max: PHONE_CODE_POLICY.ttlMs }),
        fc.integer({ min: 0, max: 10 }),
        (hash, given, now, left, attempts) => {
          const stored: StoredCode = { hash, expiresAt: now + left, attempts };
          const r = checkCode(stored, given, now);
          const alive = left > 0 && attempts < PHONE_CODE_POLICY.maxAttempts;
          expect(r).toBe(!alive ? 'dead' : given === hash ? 'ok' : 'wrong');
        },
      ),
    );
  });

  it('is dead after five wrong tries, whatever is tried next', () => {
    // Prepare
    let stored: StoredCode = { hash: 'right', expiresAt: T0 + PHONE_CODE_POLICY.ttlMs, attempts: 0 };
    const results: string[] = [];
    // Act
    for (let i = 0; i < PHONE_CODE_POLICY.maxAttempts; i++) {
      const r = checkCode(stored, 'wrong', T0);
      results.push(r);
      if (r === 'wrong') stored = { ...stored, attempts: stored.attempts + 1 };
    }
    // Assess
    expect(results).toEqual(Array(5).fill('wrong'));
    expect(checkCode(stored, 'right', T0)).toBe('dead');
    expect(checkCode(undefined, 'right', T0)).toBe('dead');
  });
});

describe('the rate limits', () => {
  it('allow exactly max per window and tell a refused caller to wait until the window ends, at most one window', () => {
    fc.assert(
      fc.property(fc.constantFrom(...limits), instant, fc.integer({ min: 0, max: 100 }), (limit, now, count) => {
        const r = rateDecision(limit, count, now);
        expect(r.allowed).toBe(count < limit.max);
        if (!r.allowed) {
          const { end } = windowOf(limit, now);
          expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(1);
          expect(r.retryAfterSeconds).toBeLessThanOrEqual(Math.ceil(limit.windowMs / 1000));
          expect(now + r.retryAfterSeconds * 1000).toBeGreaterThanOrEqual(end);
        }
      }),
    );
  });

  it('put every instant in one window that contains it, the same for all instants of that window', () => {
    fc.assert(
      fc.property(fc.constantFrom(...limits), instant, (limit, now) => {
        const w = windowOf(limit, now);
        expect(w.start).toBeLessThanOrEqual(now);
        expect(now).toBeLessThan(w.end);
        expect(w.end - w.start).toBe(limit.windowMs);
        expect(windowOf(limit, w.end - 1).start).toBe(w.start);
        expect(windowOf(limit, w.end).start).toBe(w.end);
      }),
    );
  });

  it('bound a phone to one code a minute and five a day, and the code tries to five per code', () => {
    expect(PUBLIC_RATE_LIMITS.codePerPhoneMinute).toMatchObject({ windowMs: 60_000, max: 1 });
    expect(PUBLIC_RATE_LIMITS.codePerPhoneDay).toMatchObject({ windowMs: 86_400_000, max: 5 });
    // At most 5 codes a day × 5 tries: 25 guesses a day at a 10^-6 chance each.
    expect(PUBLIC_RATE_LIMITS.codePerPhoneDay.max * PHONE_CODE_POLICY.maxAttempts).toBeLessThanOrEqual(25);
  });
});

describe('the online application', () => {
  const cmd = {
    id: '01JPUBLIC0000000000000000A',
    title: '网上申请：邻里纠纷',
    summary: '噪声',
    source: 'online' as const,
    disputeType: 'neighbourhood' as const,
    regionCode: '340202001',
    amountFen: 0,
    peopleInvolved: 2,
    risk: 'low' as const,
    parties: [
      { id: 'p1', role: 'applicant' as const, name: '陈某', phone: '13900000001' },
      { id: 'p2', role: 'respondent' as const, name: '刘某' },
    ],
    receivedAt: T0,
    by: 'public.online',
  };

  it('records the applicant’s consent with the text version, in the case’s first version', () => {
    // Act
    const d = receiveCase({ ...cmd, consents: [{ partyId: 'p1', textVersion: CURRENT_CONSENT_TEXT_VERSION }] }, T0);
    // Assess
    expect(d.state.version).toBe(1);
    expect(d.state.status).toBe('queued');
    expect(d.state.consents).toEqual([
      { partyId: 'p1', given: true, at: T0, by: 'public.online', via: 'online', textVersion: 'online-2026-12' },
    ]);
    expect(d.events.map((e) => [e.type, e.data.version])).toEqual([
      ['MediationCase.Received', 1],
      ['MediationCase.ConsentRecorded', 1],
    ]);
    expect(d.events[1]!.data).toMatchObject({ consentTextVersion: 'online-2026-12', via: 'online' });
  });

  it('refuses a consent recorded with the application for anyone but an applicant', () => {
    expect(() => receiveCase({ ...cmd, consents: [{ partyId: 'p2', textVersion: 'online-2026-12' }] }, T0)).toThrow(
      DomainError,
    );
  });

  it('shows a consent text that cites 人民调解法 Art. 17 in Chinese', () => {
    const text = CONSENT_TEXTS[CURRENT_CONSENT_TEXT_VERSION];
    expect(text).toContain('人民调解法第十七条');
    expect(text).not.toMatch(/[A-Za-z]/);
  });

  it('prints a reference number from the city date and the id’s tail', () => {
    expect(referenceNoOf('01JPUBLIC0000000000000000A', Date.parse('2026-12-01T23:30:00+08:00'))).toBe(
      'WT2026120100000A',
    );
  });
});
