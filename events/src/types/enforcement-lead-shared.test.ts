import { describe, expect, it } from 'vitest';
import { enforcementLeadSharedDataSchema, enforcementLeadSharedV1 } from './enforcement-lead-shared';

const valid = enforcementLeadSharedV1.example.data as Record<string, unknown>;

describe('EnforcementLead.Shared v1 data', () => {
  it('accepts the minimum: subject, category, summary', () => {
    // Act
    const result = enforcementLeadSharedDataSchema.safeParse({
      subjectName: '张某',
      category: 'labour',
      summary: '拖欠工资',
    });
    // Assess
    expect(result.success).toBe(true);
  });

  it.each([
    ['a uscc with a wrong check character', { uscc: '91350100M000100Y44' }, 'uscc'],
    ['a category outside the list', { category: 'traffic' }, 'category'],
    ['a summary over 2000 characters', { summary: '案'.repeat(2001) }, 'summary'],
    ['a blank subject', { subjectName: '   ' }, 'subjectName'],
    ['an empty target list', { targetDepartments: [] }, 'targetDepartments'],
    ['a target listed twice', { targetDepartments: ['police', 'police'] }, 'targetDepartments'],
    ['a target that is not a department id', { targetDepartments: ['市公安局'] }, 'targetDepartments'],
    ['a javascript: attachment', { attachments: [{ name: 'x', url: 'javascript:alert(1)' }] }, 'attachments'],
    ['an unknown field', { priority: 'high' }, undefined],
  ])('rejects %s', (_label, change, field) => {
    // Act
    const result = enforcementLeadSharedDataSchema.safeParse({ ...valid, ...change });
    // Assess
    expect(result.success).toBe(false);
    if (field) expect(result.error?.issues[0]?.path[0]).toBe(field);
  });

  it('accepts a 2000-character summary exactly', () => {
    // Act
    const result = enforcementLeadSharedDataSchema.safeParse({ ...valid, summary: '案'.repeat(2000) });
    // Assess
    expect(result.success).toBe(true);
  });
});
