import { describe, expect, it } from 'vitest';
import type { Incident } from '../api/types';
import { caseFactsOf, missingIncidents } from './case-facts';
import { aClock } from './test-data';

const incident = { id: 'inc-1', level: 'II', responsibleDepartmentId: 'emergency' } as Incident;
const departments = [
  { id: 'emergency', name: '市应急管理局', nameEn: 'Emergency Management Bureau', kinds: [] },
  { id: 'propaganda', name: '市委宣传部', nameEn: 'Publicity Department', kinds: [] },
];

describe('caseFactsOf', () => {
  it('gives an incident clock its level and the responsible department, in the page language', () => {
    // Prepare
    const clock = aClock({ subject: { type: 'opinion-incident', id: 'inc-1', title: 't' } });
    const other = aClock({ subject: { type: 'transfer-case', id: 'tc-1', title: 't' } });
    // Act
    const zh = caseFactsOf([clock, other], [incident], departments, 'zh-CN');
    const en = caseFactsOf([clock], [incident], departments, 'en');
    // Assess
    expect(zh.get(clock.id)).toEqual({ level: 'II', departmentName: '市应急管理局' });
    expect(zh.get(other.id)).toEqual({ departmentName: '市委宣传部' });
    expect(en.get(clock.id)?.departmentName).toBe('Emergency Management Bureau');
  });

  it('notices an incident clock whose incident was not loaded', () => {
    const clock = aClock({ subject: { type: 'opinion-incident', id: 'inc-2', title: 't' } });
    expect(missingIncidents([clock], [incident])).toBe(true);
    expect(missingIncidents([clock], [{ ...incident, id: 'inc-2' }])).toBe(false);
  });
});
