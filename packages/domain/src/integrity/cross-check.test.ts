import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import {
  BATCH_LIMIT,
  batchCreditStatus,
  decideRecognition,
  type Listing,
  listingOfRecord,
  subjectCreditStatus,
} from './cross-check';
import { withUsccCheck } from './subject';
import { at, INSTITUTION_CODE, publishedRecord, SUBJECT_CODE } from './test-fixtures';

const WULONG = '500156';
const CHENGDU = '510100';
const asOf = at('2026-12-01T10:00');

const shared = (over: Partial<Listing> = {}): Listing => ({
  id: '01JSHARED0000000000000001',
  list: 'black',
  subjectCode: INSTITUTION_CODE,
  regionCode: CHENGDU,
  provenance: { kind: 'shared', fromRegion: CHENGDU, eventId: 'ev-1', receivedAt: at('2026-10-02') },
  tier: 'general',
  category: 'sme-arrears',
  listedAt: at('2026-10-01'),
  until: at('2027-09-30T23:59:59.999'),
  state: 'active',
  ...over,
});
const red = (over: Partial<Listing> = {}): Listing => ({
  ...shared({ id: '01JRED', list: 'red', ...over }),
  tier: undefined,
  category: undefined,
});

describe('subject status from its listings', () => {
  it('a local published record puts the subject on the black list, with local provenance', () => {
    const listing = listingOfRecord(publishedRecord().record);
    expect(listing).toMatchObject({ list: 'black', provenance: { kind: 'local' }, state: 'active', tier: 'general' });
    const s = subjectCreditStatus(SUBJECT_CODE, [listing as Listing], [], { regionCode: WULONG, asOf });
    expect(s.status).toBe('black');
    expect(s.black[0]?.recognised).toBe(true);
  });

  it('a shared record from another region counts unless the region declined it', () => {
    const l = shared();
    expect(subjectCreditStatus(INSTITUTION_CODE, [l], [], { regionCode: WULONG, asOf }).status).toBe('black');
    const no = decideRecognition(
      l,
      { regionCode: WULONG, recognised: false, reason: '认定依据的判决已被撤销' },
      'u',
      at('2026-11-01'),
    );
    const s = subjectCreditStatus(INSTITUTION_CODE, [l], [no], { regionCode: WULONG, asOf });
    expect(s.status).toBe('none');
    expect(s.notRecognised[0]).toMatchObject({
      recognised: false,
      declinedReason: '认定依据的判决已被撤销',
      provenance: { fromRegion: CHENGDU },
    });
    // A later decision of the same region recognises it again; another region's decision does not count here.
    const yes = decideRecognition(l, { regionCode: WULONG, recognised: true }, 'u', at('2026-11-02'));
    expect(subjectCreditStatus(INSTITUTION_CODE, [l], [no, yes], { regionCode: WULONG, asOf }).status).toBe('black');
    const other = decideRecognition(l, { regionCode: '500101', recognised: false, reason: 'x' }, 'u', at('2026-11-03'));
    expect(subjectCreditStatus(INSTITUTION_CODE, [l], [other], { regionCode: WULONG, asOf }).status).toBe('black');
  });

  it('declining needs a reason; a region does not decide on its own records', () => {
    expect(() => decideRecognition(shared(), { regionCode: WULONG, recognised: false, reason: ' ' }, 'u', 0)).toThrow(
      DomainError,
    );
    expect(() => decideRecognition(shared(), { regionCode: CHENGDU, recognised: false, reason: 'x' }, 'u', 0)).toThrow(
      /本地区的记录无需互认/,
    );
  });

  it('black suppresses red; ended, repaired and not-yet-listed entries do not count', () => {
    const s = subjectCreditStatus(INSTITUTION_CODE, [shared(), red()], [], { regionCode: WULONG, asOf });
    expect(s).toMatchObject({ status: 'black', redSuppressed: true });
    expect(subjectCreditStatus(INSTITUTION_CODE, [red()], [], { regionCode: WULONG, asOf }).status).toBe('red');
    for (const l of [shared({ state: 'repaired' }), shared({ until: asOf - 1 }), shared({ listedAt: asOf + 1 })])
      expect(subjectCreditStatus(INSTITUTION_CODE, [l], [], { regionCode: WULONG, asOf }).status).toBe('none');
  });
});

describe('batch check', () => {
  it('answers hundreds of codes in order, reports invalid ones, drops duplicates', () => {
    const codes = Array.from({ length: 600 }, (_, i) => withUsccCheck(`12510100MB${String(i).padStart(7, '0')}`));
    const listings = [shared({ subjectCode: codes[7] as string }), red({ subjectCode: codes[8] as string })];
    const r = batchCreditStatus([...codes, codes[0] as string, 'not-a-code'], listings, [], {
      regionCode: WULONG,
      asOf,
    });
    expect(r.results).toHaveLength(600);
    expect(r.results[7]?.status).toBe('black');
    expect(r.results[8]?.status).toBe('red');
    expect(r.results.filter((x) => x.status === 'none')).toHaveLength(598);
    expect(r.invalid).toEqual([{ creditCode: 'not-a-code', problem: 'uscc-shape', message: expect.any(String) }]);
  });

  it('refuses an empty batch and one over the limit', () => {
    expect(() => batchCreditStatus([], [], [], { regionCode: WULONG, asOf })).toThrow(/请提供/);
    expect(() =>
      batchCreditStatus(Array(BATCH_LIMIT + 1).fill(SUBJECT_CODE), [], [], { regionCode: WULONG, asOf }),
    ).toThrow(/最多查询1000/);
  });
});
