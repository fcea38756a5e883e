// The monthly mediation report as GET /v1/mediation/reports/monthly answers it
// (packages/domain/src/mediation/report.ts), and its Excel export.
import { request, requestBlob } from '../api/http';

export interface ReportFigures {
  received: number;
  resolved: number;
  failed: number;
  closed: number;
  overdue: number;
  satisfactionCount: number;
  satisfied: number;
  amountFen: number;
  civilToCriminalCases: number;
  civilToCriminalPeople: number;
  groupPetitionCases: number;
  groupPetitionPeople: number;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

export interface ReportLine extends ReportFigures {
  value: string;
  name: string;
}

export type ReportDimension = 'channel' | 'organisation' | 'type' | 'locality' | 'source';

type SatisfactionLine = MonthlyReport['satisfaction']['lines'][number];
type StaffingLine = MonthlyReport['staffing']['lines'][number];

/** One organisation's part (`organisationId`): for its head or the hub. */
export interface OrganisationReport {
  month: string;
  organisationId: string;
  name: string;
  totals: ReportFigures;
  trend: (ReportFigures & { month: string })[];
  change: { received: number; resolved: number };
  satisfaction: SatisfactionLine;
  staffing?: StaffingLine;
}

export interface MonthlyReport {
  month: string;
  totals: ReportFigures;
  breakdowns: Record<ReportDimension, ReportLine[]>;
  trend: (ReportFigures & { month: string })[];
  change: { received: number; resolved: number };
  satisfaction: {
    target: number;
    lines: {
      organisationId: string;
      name: string;
      satisfactionCount: number;
      satisfied: number;
      rate: number | null;
      target: number;
      meets?: boolean;
    }[];
  };
  staffing: {
    withTarget: number;
    meeting: number;
    lines: {
      organisationId: string;
      name: string;
      kind: string;
      fullTime: number;
      partTime: number;
      target?: number;
      meets?: boolean;
    }[];
  };
}

const path = (month: string, format?: 'xlsx') =>
  `/v1/mediation/reports/monthly?month=${encodeURIComponent(month)}&months=6${format ? `&format=${format}` : ''}`;

export const fetchMonthlyReport = (month: string) => request<MonthlyReport>('GET', path(month));
export const fetchMonthlyWorkbook = (month: string) => requestBlob(path(month, 'xlsx'));
export const fetchOrganisationReport = (month: string, organisationId: string) =>
  request<OrganisationReport>('GET', `${path(month)}&organisationId=${encodeURIComponent(organisationId)}`);
