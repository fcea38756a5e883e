import * as z from 'zod';
import { describeZodIssues } from '../clocks/zod-issues';
import { DomainError, issue } from '../domain-error';
import { canonicalJson } from '../evidence/canonical-json';

// The criminal-prosecution thresholds (立案追诉标准) as data: per offence category, the amounts at
// which an administrative case must be transferred (Art. 3 of 国务院令第310/730号), each with its
// legal source and a `verified` flag (DOMAIN.md: an unverified default is a best reading the
// deploying city must confirm). A province or city loads its own with `loadThresholds`; every
// change carries a higher version, and a flag records the version it was judged against.

/** What a criterion measures. Amounts are in fen (分), like every amount in the domain. */
export const METRICS = {
  salesAmount: '销售金额',
  goodsValue: '货值金额',
  illegalBusinessAmount: '非法经营数额',
  illegalGain: '违法所得数额',
  fineAmount: '罚款金额',
  confiscatedAmount: '没收金额',
} as const;
export type Metric = keyof typeof METRICS;

const metricSchema = z.enum(Object.keys(METRICS) as [Metric, ...Metric[]]);

const zh = z
  .string()
  .trim()
  .min(1)
  .refine((t) => /\p{Script=Han}/u.test(t) && !/[A-Za-z]{4,}/.test(t), { message: 'Chinese text only' });

export const thresholdSchema = z
  .object({
    /** Stable id, e.g. `fake-products.sales`. */
    id: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/),
    version: z.number().int().min(1),
    /** Offence category code; penalty cases and transfer reports name it. `ip-…` is intellectual property. */
    category: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** 罪名, shown on zh pages. */
    offence: zh,
    /** Any one criterion met is enough (the interpretations list alternatives: 或者). */
    criteria: z
      .array(
        z
          .object({
            metric: metricSchema,
            atLeastFen: z.number().int().positive(),
            /** Applies only to this kind of party (单位 thresholds are often higher); both when absent. */
            party: z.enum(['individual', 'unit']).optional(),
          })
          .strict(),
      )
      .min(1),
    source: zh,
    sourceEn: z.string().trim().min(1),
    note: z.string().trim().min(1).optional(),
    verified: z.boolean(),
  })
  .strict();

export type CriminalThreshold = z.infer<typeof thresholdSchema>;
export type ThresholdCatalog = Readonly<Record<string, CriminalThreshold>>;

const CRIMINAL_LAW = '《中华人民共和国刑法》';
const STANDARDS_1 = '最高人民检察院、公安部《关于公安机关管辖的刑事案件立案追诉标准的规定（一）》（2008）';
const STANDARDS_2 = '最高人民检察院、公安部《关于公安机关管辖的刑事案件立案追诉标准的规定（二）》（2022年修订）';
const IP_INTERPRETATION = '最高人民法院、最高人民检察院《关于办理侵犯知识产权刑事案件适用法律若干问题的解释》（2025）';
const WAN = 1_000_000; // 1 万元 in fen

export const DEFAULT_THRESHOLDS: readonly CriminalThreshold[] = [
  {
    id: 'fake-products.sales',
    version: 1,
    category: 'fake-products',
    offence: '生产、销售伪劣产品罪',
    criteria: [
      { metric: 'salesAmount', atLeastFen: 5 * WAN },
      { metric: 'goodsValue', atLeastFen: 15 * WAN },
    ],
    source: `${CRIMINAL_LAW}第一百四十条：销售金额五万元以上；${STANDARDS_1}第十六条：伪劣产品销售金额五万元以上，或者尚未销售的货值金额十五万元以上`,
    sourceEn:
      'Criminal Law Art. 140 (sales of 50,000 yuan or more); SPP/MPS prosecution standards (I) Art. 16 (or unsold goods worth 150,000 yuan)',
    verified: true,
  },
  {
    id: 'food-safety.sales',
    version: 1,
    category: 'food-safety',
    offence: '生产、销售不符合安全标准的食品（按生产、销售伪劣产品罪）',
    criteria: [
      { metric: 'salesAmount', atLeastFen: 5 * WAN },
      { metric: 'goodsValue', atLeastFen: 15 * WAN },
    ],
    source: `${CRIMINAL_LAW}第一百四十九条第一款：不构成第一百四十三条规定的犯罪，但是销售金额在五万元以上的，依照第一百四十条的规定定罪处罚`,
    sourceEn:
      'Criminal Law Art. 149 ¶1: substandard food below the Art. 143 harm test is punished under Art. 140 when sales reach 50,000 yuan',
    note: 'Art. 143 itself (足以造成严重食物中毒事故) is qualitative: no amount can test it, so the agency marks such a case suspectedCrime. The goods-value criterion follows the Art. 140 standard and is a reading.',
    verified: false,
  },
  {
    id: 'illegal-business.amount',
    version: 1,
    category: 'illegal-business',
    offence: '非法经营罪',
    criteria: [
      { metric: 'illegalBusinessAmount', atLeastFen: 5 * WAN, party: 'individual' },
      { metric: 'illegalGain', atLeastFen: 1 * WAN, party: 'individual' },
      { metric: 'illegalBusinessAmount', atLeastFen: 50 * WAN, party: 'unit' },
      { metric: 'illegalGain', atLeastFen: 10 * WAN, party: 'unit' },
    ],
    source: `${CRIMINAL_LAW}第二百二十五条；${STANDARDS_2}第七十一条：个人非法经营数额在五万元以上或者违法所得数额在一万元以上，单位非法经营数额在五十万元以上或者违法所得数额在十万元以上`,
    sourceEn:
      'Criminal Law Art. 225; SPP/MPS prosecution standards (II, 2022) Art. 71: individuals 50,000 / gain 10,000 yuan; units 500,000 / gain 100,000 yuan',
    note: 'Art. 71 has many items with different figures per kind of business; these are its general figures. Confirm the article and the item that applies.',
    verified: false,
  },
  {
    id: 'ip-trademark.counterfeit',
    version: 1,
    category: 'ip-trademark',
    offence: '假冒注册商标罪',
    criteria: [
      { metric: 'illegalBusinessAmount', atLeastFen: 3 * WAN },
      { metric: 'illegalGain', atLeastFen: 1 * WAN },
    ],
    source: `${CRIMINAL_LAW}第二百一十三条；${IP_INTERPRETATION}：非法经营数额在三万元以上或者违法所得数额在一万元以上的，属于情节严重`,
    sourceEn:
      'Criminal Law Art. 213; SPC/SPP IP interpretation (2025): business volume of 30,000 or gain of 10,000 yuan is "serious"',
    note: 'The 2025 interpretation lowered the 2004 figures (50,000 / 30,000); confirm the article. IP cases are transferred on reasonable suspicion too (令730 Art. 3 ¶2).',
    verified: false,
  },
  {
    id: 'ip-trademark-sale.sales',
    version: 1,
    category: 'ip-trademark-sale',
    offence: '销售假冒注册商标的商品罪',
    criteria: [{ metric: 'salesAmount', atLeastFen: 5 * WAN }],
    source: `${CRIMINAL_LAW}第二百一十四条；${IP_INTERPRETATION}：违法所得数额或者销售金额较大`,
    sourceEn: 'Criminal Law Art. 214; SPC/SPP IP interpretation: sales of 50,000 yuan or more',
    note: 'Figure of the 2004 interpretation (Art. 2); confirm against the 2025 text.',
    verified: false,
  },
  {
    id: 'ip-copyright.amount',
    version: 1,
    category: 'ip-copyright',
    offence: '侵犯著作权罪',
    criteria: [
      { metric: 'illegalGain', atLeastFen: 3 * WAN },
      { metric: 'illegalBusinessAmount', atLeastFen: 5 * WAN },
    ],
    source: `${CRIMINAL_LAW}第二百一十七条；${IP_INTERPRETATION}：违法所得数额较大或者有其他严重情节`,
    sourceEn: 'Criminal Law Art. 217; SPC/SPP IP interpretation: gain of 30,000 or business volume of 50,000 yuan',
    note: 'Figures of the 2004 interpretation (Art. 5); confirm against the 2025 text.',
    verified: false,
  },
];

function fail(message: string, lines: string[]): never {
  throw new DomainError(
    'thresholds-invalid',
    'invalid',
    `${message}\n${lines.join('\n')}`,
    lines.map((l) => issue('', 'invalid', l)),
  );
}

/** Validates the list; ids must be unique. @throws DomainError `thresholds-invalid` */
export function buildThresholdCatalog(list: readonly unknown[]): ThresholdCatalog {
  const parsed = z.array(thresholdSchema).safeParse(list);
  if (!parsed.success) fail('立案追诉标准数据无效', [describeZodIssues(parsed.error)]);
  const catalog: Record<string, CriminalThreshold> = {};
  for (const t of parsed.data) {
    if (catalog[t.id]) fail('立案追诉标准数据无效', [`- ${t.id} is defined twice`]);
    catalog[t.id] = t;
  }
  return Object.freeze(catalog);
}

export const defaultThresholds: ThresholdCatalog = buildThresholdCatalog(DEFAULT_THRESHOLDS);

const contentOf = (t: CriminalThreshold) => canonicalJson({ ...t, version: 0 });

/**
 * A province's or city's thresholds over `base`: complete entries (an array or `{ thresholds }`, or
 * its JSON text). An entry with a known id that changes anything must carry a higher version, so a
 * flag's threshold version always names one content.
 */
export function loadThresholds(json: unknown, base: ThresholdCatalog = defaultThresholds): ThresholdCatalog {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (cause) {
      fail('立案追诉标准数据无效', [`not valid JSON: ${(cause as Error).message}`]);
    }
  }
  const list = Array.isArray(value) ? value : (value as { thresholds?: unknown[] } | null)?.thresholds;
  if (!Array.isArray(list)) fail('立案追诉标准数据无效', ['expected an array or { "thresholds": [...] }']);
  const loaded = buildThresholdCatalog(list);
  const problems: string[] = [];
  for (const t of Object.values(loaded)) {
    const prior = base[t.id];
    if (!prior) continue;
    if (t.version < prior.version) problems.push(`- ${t.id}: version ${t.version} is older than ${prior.version}`);
    else if (t.version === prior.version && contentOf(t) !== contentOf(prior))
      problems.push(`- ${t.id}: changed without a new version (still ${t.version})`);
  }
  if (problems.length > 0) fail('立案追诉标准数据无效', problems);
  return Object.freeze({ ...base, ...loaded });
}

/** The thresholds of one offence category. */
export function thresholdsFor(catalog: ThresholdCatalog, category: string): CriminalThreshold[] {
  return Object.values(catalog)
    .filter((t) => t.category === category)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** 5000000 fen → "5 万元"; 1234500 → "1.2345 万元"; 800000 → "8000 元". */
export function formatAmount(fen: number): string {
  const yuan = fen / 100;
  if (Math.abs(yuan) >= 10_000) return `${Number((yuan / 10_000).toFixed(4))} 万元`;
  return `${Number(yuan.toFixed(2))} 元`;
}
