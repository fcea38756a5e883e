import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { OnTimeReport } from '../api/types';
import { i18nFor } from '../i18n/i18n';
import { statsWorkbook } from './stats-workbook';

const tally = { total: 0, onTime: 0, late: 0, open: 0, pending: 0, rate: null };
const report: OnTimeReport = {
  from: '2026-11-01',
  to: '2026-11-02',
  items: [
    { departmentId: 'propaganda', departmentName: '市委宣传部', ...tally, total: 4, onTime: 3, late: 1, rate: 0.75 },
    { departmentId: 'finance', departmentName: '市财政局', ...tally, pending: 2 },
  ],
  trend: [
    { day: '2026-11-01', ...tally, total: 4, onTime: 3, late: 1, rate: 0.75 },
    { day: '2026-11-02', ...tally },
  ],
  byKind: [
    { kind: 'release', label: '权威信息发布', labelEn: 'Release', ...tally, total: 4, onTime: 3, late: 1, rate: 0.75 },
  ],
};

describe('statsWorkbook', () => {
  it('writes a real .xlsx: a zip of three sheets with the figures, percentages and dashes', async () => {
    // Prepare
    const zh = i18nFor('zh-CN');
    // Act
    const blob = await statsWorkbook(report, zh.t, (k) => k.label);
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    // Assess: the parts Excel needs, the sheet names, and the cells
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet3.xml',
      ]),
    );
    const workbook = strFromU8(files['xl/workbook.xml']!);
    for (const name of ['按部门', '按日趋势', '按时限类型']) expect(workbook).toContain(`name="${name}"`);
    const strings = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
    const sheet1 = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const text = `${strings}${sheet1}`;
    for (const s of ['市委宣传部', '市财政局', '未到期', '—', '权威信息发布'])
      expect(`${text}${strFromU8(files['xl/worksheets/sheet3.xml']!)}`).toContain(s);
    expect(sheet1).toContain('<v>0.75</v>');
    expect(strFromU8(files['xl/styles.xml']!)).toContain('0.0%');
  });
});
