import { request } from './http';
import type {
  Alert,
  CaseAlertHistory,
  Clock,
  ClockOutcome,
  Department,
  Incident,
  IncidentLevel,
  Items,
  MilestoneBody,
  OnDuty,
  OnTimeReport,
  OpenIncidentBody,
  Roster,
  User,
} from './types';

const q = (params: Record<string, string | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
};
const seg = encodeURIComponent;

/** Sees the answer's headers: the incident commands say when what was asked was already recorded. */
type OnResponse = (headers: Headers) => void;

export const api = {
  me: () => request<User & { departmentName: string }>('GET', '/v1/me'),
  departments: () => request<Items<Department>>('GET', '/v1/departments'),

  clocks: (status: 'running' | 'all', departmentId?: string) =>
    request<Items<Clock>>('GET', `/v1/clocks${q({ status, departmentId })}`),
  alerts: (status: 'open' | 'all', departmentId?: string) =>
    request<Items<Alert>>('GET', `/v1/alerts${q({ status, departmentId })}`),
  caseAlerts: (subjectType: string, subjectId: string) =>
    request<CaseAlertHistory>('GET', `/v1/subjects/${seg(subjectType)}/${seg(subjectId)}/alerts`),
  acknowledge: (alertId: string) => request<Alert>('POST', `/v1/alerts/${seg(alertId)}/ack`, { body: {} }),

  incidents: () => request<Items<Incident>>('GET', '/v1/opinion-incidents?status=open'),
  incident: (id: string) => request<Incident>('GET', `/v1/opinion-incidents/${seg(id)}`),
  openIncident: (body: OpenIncidentBody) =>
    request<Incident>('POST', '/v1/opinion-incidents', { body, idempotent: true }),
  recordMilestone: (id: string, body: MilestoneBody, onResponse?: OnResponse) =>
    request<Incident>('POST', `/v1/opinion-incidents/${seg(id)}/milestones`, {
      body,
      idempotent: true,
      ...(onResponse ? { onResponse } : {}),
    }),
  regrade: (id: string, level: IncidentLevel, reason: string, onResponse?: OnResponse) =>
    request<Incident>('POST', `/v1/opinion-incidents/${seg(id)}/regrade`, {
      body: { level, reason },
      idempotent: true,
      ...(onResponse ? { onResponse } : {}),
    }),
  closeIncident: (id: string, reason: string, onResponse?: OnResponse) =>
    request<Incident>('POST', `/v1/opinion-incidents/${seg(id)}/close`, {
      body: { reason },
      idempotent: true,
      ...(onResponse ? { onResponse } : {}),
    }),

  onDuty: (departmentId: string) => request<OnDuty>('GET', `/v1/departments/${seg(departmentId)}/on-duty`),
  roster: (departmentId: string) => request<Roster>('GET', `/v1/departments/${seg(departmentId)}/roster`),
  saveRoster: (roster: Roster) =>
    request<Roster>('PUT', `/v1/departments/${seg(roster.departmentId)}/roster`, { body: roster }),

  onTimeStats: (from: string, to: string) => request<OnTimeReport>('GET', `/v1/stats/on-time${q({ from, to })}`),
  onTimeClocks: (departmentId: string, from: string, to: string, kind?: string) =>
    request<Items<Clock & { outcome: ClockOutcome }> & { truncated: boolean }>(
      'GET',
      `/v1/stats/on-time/clocks${q({ departmentId, from, to, kind })}`,
    ),
};
