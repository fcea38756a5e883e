// The on-time report as an Excel workbook: one sheet per view (by department, daily trend, by clock
// kind), headers in the page's language, rates as real percentages (a cell Excel can sum and chart),
// "—" where nothing came due. Built from the report already on screen: no second query.
import type { Cell, Sheet } from 'write-excel-file/universal';
import type { OnTimeReport, OnTimeTally } from '../api/types';
import type { Translate } from '../i18n/i18n';
import { percentOf } from './rate';

type FileContent = Blob;

const header = (text: string): Cell => ({ value: text, fontWeight: 'bold' });

function tallyCells(x: OnTimeTally): Cell[] {
  const percent = percentOf(x);
  return [
    x.total,
    x.onTime,
    x.late,
    x.open,
    x.pending,
    percent === undefined ? '—' : { value: percent / 100, type: Number, format: '0.0%' },
  ];
}

export function statsSheets(
  report: OnTimeReport,
  t: Translate,
  kindName: (k: OnTimeReport['byKind'][number]) => string,
): Sheet<FileContent>[] {
  const counts = [
    'stats.col.total',
    'stats.col.onTime',
    'stats.col.late',
    'stats.col.open',
    'stats.col.pending',
    'stats.col.rate',
  ] as const;
  const heads = counts.map((k) => header(t(k)));
  return [
    {
      sheet: t('stats.byDepartment'),
      data: [
        [header(t('stats.col.department')), ...heads],
        ...report.items.map((s) => [s.departmentName, ...tallyCells(s)]),
      ],
      columns: [{ width: 22 }, ...counts.map(() => ({ width: 10 }))],
    },
    {
      sheet: t('stats.trend'),
      data: [[header(t('stats.col.day')), ...heads], ...report.trend.map((d) => [d.day, ...tallyCells(d)])],
      columns: [{ width: 12 }, ...counts.map(() => ({ width: 10 }))],
    },
    {
      sheet: t('stats.byKind'),
      data: [[header(t('stats.col.kind')), ...heads], ...report.byKind.map((k) => [kindName(k), ...tallyCells(k)])],
      columns: [{ width: 24 }, ...counts.map(() => ({ width: 10 }))],
    },
  ];
}

/** The workbook as a Blob (write-excel-file is loaded only when someone exports). */
export async function statsWorkbook(
  report: OnTimeReport,
  t: Translate,
  kindName: (k: OnTimeReport['byKind'][number]) => string,
): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  return writeXlsxFile(statsSheets(report, t, kindName)).toBlob();
}
