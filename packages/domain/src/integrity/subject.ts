import { DomainError, issue } from '../domain-error';

// The subject of a government integrity record (DOMAIN.md §5): a government body or public
// institution, identified by its 统一社会信用代码 (GB 32100-2015). The check character is
// recomputed here (the domain does not import the event catalog; events/src/uscc.ts holds the same
// rule for the API schemas): 18 characters of a 31-character set without I, O, S, V, Z; weights
// 3^i mod 31; check value 31 − (Σ mod 31), where 31 wraps to 0.
// Characters 1–2: registering authority and body type; 3–8: the GB/T 2260 region (cross-region
// checks route by it); 9–17: the old organisation code (GB 11714), so pre-2015 records still match.

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NP-RT-UW-Y]{18}$/;

/** The check character for 17 charset characters, or undefined when they are not. */
export function usccCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = 31 - (sum % 31);
  return USCC_CHARSET.charAt(check === 31 ? 0 : check);
}

/** Body types of GB 32100-2015 (registering authority + type), with whether it can be a subject here. */
export const BODY_TYPES: Readonly<Record<string, { name: string; publicBody: boolean }>> = {
  '11': { name: '机关', publicBody: true },
  '12': { name: '事业单位', publicBody: true },
  '13': { name: '群团组织', publicBody: true },
  '19': { name: '其他（机构编制部门登记）', publicBody: true },
  '21': { name: '外国常驻新闻机构', publicBody: false },
  '29': { name: '其他（外交部门登记）', publicBody: false },
  '31': { name: '律师执业机构', publicBody: false },
  '51': { name: '社会团体', publicBody: false },
  '52': { name: '民办非企业单位', publicBody: false },
  '53': { name: '基金会', publicBody: false },
  '59': { name: '其他（民政部门登记）', publicBody: false },
  '91': { name: '企业', publicBody: false },
  '92': { name: '个体工商户', publicBody: false },
  '93': { name: '农民专业合作社', publicBody: false },
};

export interface UsccParts {
  code: string;
  /** Characters 1–2, e.g. `11` 机关. */
  bodyType: string;
  bodyTypeName: string;
  publicBody: boolean;
  /** Characters 3–8, GB/T 2260, e.g. `500101`. */
  regionCode: string;
  /** The first two digits of the region: the province (`50` 重庆, `51` 四川). */
  provinceCode: string;
  /** Characters 9–17, the GB 11714 organisation code (with its own check character). */
  organisationCode: string;
}

export type UsccParse = { ok: true; parts: UsccParts } | { ok: false; problem: UsccProblem; message: string };
export type UsccProblem = 'uscc-shape' | 'uscc-check' | 'uscc-region';

/** Parses a credit code without throwing: shape, check character, region digits. */
export function parseUscc(input: string): UsccParse {
  const code = input.trim();
  if (!SHAPE.test(code))
    return {
      ok: false,
      problem: 'uscc-shape',
      message: '统一社会信用代码应为18位，由数字和大写字母组成（不含I、O、S、V、Z）',
    };
  if (usccCheckChar(code.slice(0, 17)) !== code.charAt(17))
    return { ok: false, problem: 'uscc-check', message: '统一社会信用代码校验码不正确（GB 32100-2015）' };
  const regionCode = code.slice(2, 8);
  if (!/^[1-9]\d{5}$/.test(regionCode))
    return { ok: false, problem: 'uscc-region', message: '统一社会信用代码第3至8位不是有效的行政区划代码' };
  const bodyType = code.slice(0, 2);
  const known = BODY_TYPES[bodyType];
  return {
    ok: true,
    parts: {
      code,
      bodyType,
      bodyTypeName: known?.name ?? '其他',
      publicBody: known?.publicBody ?? false,
      regionCode,
      provinceCode: regionCode.slice(0, 2),
      organisationCode: code.slice(8, 17),
    },
  };
}

/**
 * The parts of a government body's or public institution's code.
 * @throws DomainError invalid (`uscc-shape`, `uscc-check`, `uscc-region`, `subject-not-public-body`)
 */
export function parseGovernmentSubject(input: string, path = 'subject.creditCode'): UsccParts {
  const parsed = parseUscc(input);
  if (!parsed.ok)
    throw new DomainError(parsed.problem, 'invalid', parsed.message, [issue(path, parsed.problem, parsed.message)]);
  if (!parsed.parts.publicBody) {
    const message = `政务失信记录的主体应为机关、事业单位或群团组织，该代码登记类型为${parsed.parts.bodyTypeName}（${parsed.parts.bodyType}）`;
    throw new DomainError('subject-not-public-body', 'invalid', message, [issue(path, 'not-public-body', message)]);
  }
  return parsed.parts;
}

/** Builds a valid code from 17 characters (tests and fixtures). */
export function withUsccCheck(first17: string): string {
  const check = usccCheckChar(first17);
  if (check === undefined) throw new RangeError(`not 17 credit-code characters: ${first17}`);
  return first17 + check;
}
