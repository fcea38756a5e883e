// The monthly report as an Excel workbook (zh-CN): the totals, one sheet per breakdown, the trend,
// satisfaction against the 90 % target and staffing against the seed's targets. Rates are real
// percentages (cells Excel can sum and chart), "—" where nothing was concluded or asked.
import type { BreakdownLine, Figures, MonthlyReport } from '@fazhi/domain/mediation/report';
import { ORGANISATION_KINDS } from '@fazhi/domain/mediation/structure';
import writeXlsxFile, { type Cell, type Sheet } from 'write-excel-file/node';

const head = (value: string): Cell => ({ value, fontWeight: 'bold' });
const rate = (r: number | null): Cell => (r === null ? '—' : { value: r, type: Number, format: '0.0%' });
const yuan = (fen: number): Cell => ({ value: fen / 100, type: Number, format: '#,##0.00' });

const FIGURE_HEADS = [
  '受理数',
  '调解成功',
  '调解不成',
  '调解成功率',
  '超期',
  '回访满意',
  '回访总数',
  '满意率',
  '协议金额（元）',
  '防止民转刑（件）',
  '防止民转刑（人）',
  '防止群体性上访（件）',
  '防止群体性上访（人）',
];

function figureCells(f: Figures): Cell[] {
  return [
    f.received,
    f.resolved,
    f.failed,
    rate(f.resolutionRate),
    f.overdue,
    f.satisfied,
    f.satisfactionCount,
    rate(f.satisfactionRate),
    yuan(f.amountFen),
    f.civilToCriminalCases,
    f.civilToCriminalPeople,
    f.groupPetitionCases,
    f.groupPetitionPeople,
  ];
}

const widths = (first: number) => [{ width: first }, ...FIGURE_HEADS.map(() => ({ width: 12 }))];

function breakdown(sheet: string, label: string, lines: BreakdownLine[]): Sheet<Buffer> {
  return {
    sheet,
    data: [[head(label), ...FIGURE_HEADS.map(head)], ...lines.map((l) => [l.name, ...figureCells(l)])],
    columns: widths(28),
  };
}

export function reportSheets(r: MonthlyReport): Sheet<Buffer>[] {
  const b = r.breakdowns;
  return [
    {
      sheet: '汇总',
      data: [
        [head('月份'), ...FIGURE_HEADS.map(head)],
        [r.month, ...figureCells(r.totals)],
      ],
      columns: widths(12),
    },
    breakdown('按渠道', '渠道', b.channel),
    breakdown('按调解组织', '调解组织', b.organisation),
    breakdown('按纠纷类型', '纠纷类型', b.type),
    breakdown('按属地', '属地', b.locality),
    breakdown('按案件来源', '案件来源', b.source),
    {
      sheet: '月度趋势',
      data: [[head('月份'), ...FIGURE_HEADS.map(head)], ...r.trend.map((t) => [t.month, ...figureCells(t)])],
      columns: widths(12),
    },
    {
      sheet: '满意度',
      data: [
        [head('调解组织'), head('回访满意'), head('回访总数'), head('满意率'), head('目标'), head('是否达标')],
        ...r.satisfaction.lines.map((l) => [
          l.name,
          l.satisfied,
          l.satisfactionCount,
          rate(l.rate),
          rate(l.target),
          l.meets === undefined ? '—' : l.meets ? '达标' : '未达标',
        ]),
      ],
      columns: [{ width: 28 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }],
    },
    {
      sheet: '人员配备',
      data: [
        [head('调解组织'), head('类别'), head('专职调解员'), head('兼职调解员'), head('专职目标'), head('是否达标')],
        ...r.staffing.lines.map((l) => [
          l.name,
          ORGANISATION_KINDS[l.kind],
          l.fullTime,
          l.partTime,
          l.target ?? '—',
          l.meets === undefined ? '—' : l.meets ? '达标' : '未达标',
        ]),
      ],
      columns: [{ width: 28 }, { width: 24 }, { width: 12 }, { width: 12 }, { width: 10 }, { width: 10 }],
    },
  ];
}

export function reportWorkbook(r: MonthlyReport): Promise<Buffer> {
  return writeXlsxFile(reportSheets(r)).toBuffer();
}
