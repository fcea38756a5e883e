import type { Clock, Department, Incident, IncidentLevel } from '../api/types';

/** What a clock card shows about the case behind a clock, beyond its title. */
export interface CaseFacts {
  level?: IncidentLevel;
  /** The responsible department's name (the incident's, else the clock's own department). */
  departmentName: string;
}

/**
 * Facts per clock id, from the open incidents and the department list already on the page. A clock of
 * another kind of subject (a transfer, a mediation) still gets its department.
 */
export function caseFactsOf(
  clocks: readonly Clock[],
  incidents: readonly Incident[],
  departments: readonly Department[],
  lang: 'zh-CN' | 'en',
): Map<string, CaseFacts> {
  const incidentById = new Map(incidents.map((i) => [i.id, i]));
  const name = (id: string) => {
    const d = departments.find((x) => x.id === id);
    return d ? (lang === 'en' ? d.nameEn || d.name : d.name) : id;
  };
  const facts = new Map<string, CaseFacts>();
  for (const clock of clocks) {
    const incident = clock.subject.type === 'opinion-incident' ? incidentById.get(clock.subject.id) : undefined;
    facts.set(clock.id, {
      ...(incident ? { level: incident.level } : {}),
      departmentName: name(incident?.responsibleDepartmentId ?? clock.departmentId),
    });
  }
  return facts;
}

/** Incidents the board shows a clock of but has not loaded yet (opened since): time to load them again. */
export function missingIncidents(clocks: readonly Clock[], incidents: readonly Incident[]): boolean {
  const known = new Set(incidents.map((i) => i.id));
  return clocks.some((c) => c.subject.type === 'opinion-incident' && !known.has(c.subject.id));
}
