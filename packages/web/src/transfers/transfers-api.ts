// The transfers service's routes as the pages use them (functions/transfers/*/wiring.ts): the list
// (urgent first), one case with its clocks and timeline, the agency's report, and one POST per step.
import { request } from '../api/http';
import type { ClockStatus } from '../api/types';

export interface TransferSummary {
  id: string;
  title: string;
  enforcementCaseNo: string;
  offenceCategory: string;
  regionCode: string;
  status: string;
  statusName: string;
  agencyDepartmentId: string;
  policeDepartmentId?: string;
  procuratorateDepartmentId?: string;
  courtDepartmentId?: string;
  overdue: boolean;
  nextDueAt?: string;
  reportedAt: string;
  version: number;
}

export interface TransferClock {
  key: string;
  id: string;
  policyId: string;
  label: string;
  departmentId: string;
  status: ClockStatus;
  startedAt: string;
  dueAt: string;
  provisional: boolean;
  metAt?: string;
  breachedAt?: string;
  extensions: number;
  pauses: number;
}

export interface TransferDocument {
  kind: string;
  title: string;
  documentNo?: string;
  attachmentId?: string;
  pages?: number;
}

export interface TransferAttempt {
  at: string;
  by: string;
  documents: TransferDocument[];
  complete: boolean;
  missing: string[];
  explanation: string;
}

export interface TransferCaseView extends TransferSummary {
  summary: string;
  basis: 'threshold' | 'reasonable-suspicion';
  threshold?: { id: string; version: number };
  economic: boolean;
  team: string[];
  party: { name: string; creditCode?: string };
  approval?: { approved: boolean; at: string; by: string; reasons?: string };
  attempts: TransferAttempt[];
  transferredAt?: string;
  receivedAt?: string;
  filing?: { filed: boolean; at: string; documentNo: string; reasons?: string };
  handedOverAt?: string;
  clocks: TransferClock[];
  timeline: { at: string; what: string; by: string; note?: string }[];
}

export interface TransferFilters {
  agencyDepartmentId?: string;
  offenceCategory?: string;
  status?: string;
}

export interface TransferReport {
  enforcementCaseNo: string;
  title: string;
  summary: string;
  offenceCategory: string;
  basis: 'threshold' | 'reasonable-suspicion';
  threshold?: { id: string; version: number };
  economic: boolean;
  team: string[];
  regionCode: string;
  party: { name: string; creditCode?: string };
}

const seg = encodeURIComponent;

function query(filters: TransferFilters): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) search.set(k, v);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const transfersApi = {
  list: (filters: TransferFilters = {}) =>
    request<{ items: TransferSummary[] }>('GET', `/v1/transfer-cases${query(filters)}`),
  case: (id: string) => request<TransferCaseView>('GET', `/v1/transfer-cases/${seg(id)}`),
  report: (body: TransferReport) => request<TransferCaseView>('POST', '/v1/transfer-cases', { body, idempotent: true }),
  act: (id: string, action: string, body: unknown) =>
    request<TransferCaseView>('POST', `/v1/transfer-cases/${seg(id)}/${seg(action)}`, { body, idempotent: true }),
};
