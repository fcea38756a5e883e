import { describe, expect, it } from 'vitest';
import { detailJsonSchema } from '../schema-files';
import {
  opinionIncidentMilestoneRecordedDataSchema,
  opinionIncidentMilestoneRecordedV1,
} from './opinion-incident-milestone-recorded';

const valid = opinionIncidentMilestoneRecordedV1.example.data as { milestone: Record<string, unknown> };

describe('OpinionIncident.MilestoneRecorded v1 data', () => {
  it('accepts a document number instead of a link', () => {
    // Prepare
    const { evidenceUrl: _dropped, ...milestone } = valid.milestone;
    // Act
    const result = opinionIncidentMilestoneRecordedDataSchema.safeParse({
      ...valid,
      milestone: { ...milestone, documentNo: '应急〔2026〕12号' },
    });
    // Assess
    expect(result.success).toBe(true);
  });

  it('refuses a milestone with neither evidence link nor document number', () => {
    // Prepare
    const { evidenceUrl: _dropped, ...milestone } = valid.milestone;
    // Act
    const result = opinionIncidentMilestoneRecordedDataSchema.safeParse({ ...valid, milestone });
    // Assess
    expect(result.error?.issues[0]?.message).toBe('a milestone needs evidenceUrl or documentNo');
  });

  it('refuses a milestone time without offset', () => {
    // Act
    const result = opinionIncidentMilestoneRecordedDataSchema.safeParse({
      ...valid,
      milestone: { ...valid.milestone, at: '2026-03-04T14:20:00' },
    });
    // Assess
    expect(result.success).toBe(false);
  });
});

describe('OpinionIncident.MilestoneRecorded v1 JSON Schema', () => {
  it('states the evidence rule for departments that validate with JSON Schema', () => {
    // Act
    const schema = detailJsonSchema(opinionIncidentMilestoneRecordedV1) as {
      properties: { data: { properties: { milestone: { anyOf?: unknown } } } };
    };
    // Assess
    expect(schema.properties.data.properties.milestone.anyOf).toEqual([
      { required: ['evidenceUrl'] },
      { required: ['documentNo'] },
    ]);
  });
});
