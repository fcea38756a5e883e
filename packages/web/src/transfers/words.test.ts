import { describe, expect, it } from 'vitest';
import { ARTICLE_6 } from '../../../domain/src/transfers/documents';
import { DEFAULT_THRESHOLDS } from '../../../domain/src/transfers/thresholds';
import { STATUS_NAMES, TRANSFER_EVENT_TYPES } from '../../../domain/src/transfers/transfer-types';
import type { Session } from '../auth/session';
import { i18nFor } from '../i18n/i18n';
import {
  DOCUMENT_KINDS,
  OFFENCE_CATEGORIES,
  partyOf,
  supervises,
  THRESHOLDS,
  TRANSFER_STATUSES,
  takesPartInTransfers,
  wordOf,
} from './words';

const zh = i18nFor('zh-CN').t;
const en = i18nFor('en').t;
const LATIN = /[A-Za-z]{2,}/;

const sessionOf = (departmentId: string, kinds: string[], roles: string[] = ['duty-officer']): Session =>
  ({
    token: 't',
    provider: 'local',
    user: { username: `${departmentId}.duty`, displayName: '王建华', roles, departmentId, departmentKinds: kinds },
  }) as Session;

describe('the transfers vocabulary', () => {
  it('names every status, step, document, category and threshold of the domain in Chinese and English', () => {
    // Assess
    expect([...TRANSFER_STATUSES]).toEqual(Object.keys(STATUS_NAMES));
    expect([...DOCUMENT_KINDS]).toEqual(ARTICLE_6.map((r) => r.kind));
    expect(THRESHOLDS).toEqual(DEFAULT_THRESHOLDS.map(({ id, version, category }) => ({ id, version, category })));
    const words: [string, string][] = [
      ...TRANSFER_STATUSES.map((s) => ['status', s] as [string, string]),
      ...TRANSFER_EVENT_TYPES.map((e) => ['event', e] as [string, string]),
      ...DOCUMENT_KINDS.map((k) => ['doc', k] as [string, string]),
      ...OFFENCE_CATEGORIES.map((c) => ['category', c] as [string, string]),
      ...THRESHOLDS.map((x) => ['threshold', x.id] as [string, string]),
    ];
    for (const [prefix, code] of words) {
      const chinese = wordOf(zh, prefix, code);
      expect(chinese, `${prefix}.${code}`).not.toBe('—');
      expect(chinese.match(LATIN), `${prefix}.${code}`).toBeNull();
      expect(wordOf(en, prefix, code), `${prefix}.${code}`).toMatch(LATIN);
    }
  });

  it('uses the domain’s own Chinese status names and the regulation’s document names', () => {
    for (const s of TRANSFER_STATUSES) expect(wordOf(zh, 'status', s)).toBe(STATUS_NAMES[s]);
    for (const r of ARTICLE_6) expect(wordOf(zh, 'doc', r.kind)).toBe(r.name);
  });

  it('falls back to the server’s Chinese for a code it does not know, never the code', () => {
    expect(wordOf(zh, 'status', 'new-status', '新状态')).toBe('新状态');
    expect(wordOf(zh, 'category', 'new-category')).toBe('—');
  });
});

describe('who takes part', () => {
  it('shows the pages to agencies, public security, the procuratorate and admins only', () => {
    expect(takesPartInTransfers(sessionOf('samr', ['enforcement']))).toBe(true);
    expect(takesPartInTransfers(sessionOf('psb', ['public-security']))).toBe(true);
    expect(takesPartInTransfers(sessionOf('procuratorate', ['procuratorate']))).toBe(true);
    expect(takesPartInTransfers(sessionOf('gov-office', ['government-office'], ['admin']))).toBe(true);
    expect(takesPartInTransfers(sessionOf('propaganda', ['propaganda']))).toBe(false);
    expect(takesPartInTransfers(sessionOf('finance', []))).toBe(false);
  });

  it('names the party of a case the department is', () => {
    const c = { agencyDepartmentId: 'samr', policeDepartmentId: 'psb', status: 'filed', statusName: '已立案' };
    const row = c as Parameters<typeof partyOf>[0];
    expect(partyOf(row, sessionOf('samr', ['enforcement']))).toBe('agency');
    expect(partyOf(row, sessionOf('psb', ['public-security']))).toBe('police');
    expect(partyOf(row, sessionOf('procuratorate', ['procuratorate']))).toBe('procuratorate');
    expect(partyOf(row, sessionOf('emergency', ['emergency', 'enforcement']))).toBeUndefined();
    expect(supervises(sessionOf('procuratorate', ['procuratorate']))).toBe(true);
    expect(supervises(sessionOf('samr', ['enforcement']))).toBe(false);
  });
});
