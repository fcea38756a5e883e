import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, problemFrom } from './problem';

describe('problemFrom', () => {
  it('keeps the title, detail and status of a problem+json body', () => {
    // Prepare
    const body = JSON.stringify({
      type: 'https://fazhi.gov.cn/problems/conflict',
      title: '版本冲突',
      status: 409,
      detail: '值班表已更新到版本 3。',
    });

    // Act
    const problem = problemFrom(409, body);

    // Assess
    expect(problem).toEqual({
      type: 'https://fazhi.gov.cn/problems/conflict',
      title: '版本冲突',
      status: 409,
      detail: '值班表已更新到版本 3。',
      errors: [],
    });
  });

  it('normalises field errors given as an array or as a map', () => {
    const asArray = problemFrom(
      422,
      JSON.stringify({
        title: 'x',
        errors: [
          { pointer: '/title', detail: '标题不能为空' },
          { path: ['shifts', 0, 'endsAt'], message: '结束时间必须晚于开始时间' },
        ],
      }),
    );
    const asMap = problemFrom(422, JSON.stringify({ title: 'x', errors: { title: ['太长'], summary: '必填' } }));
    expect(asArray.errors).toEqual([
      { path: '/title', message: '标题不能为空' },
      { path: 'shifts.0.endsAt', message: '结束时间必须晚于开始时间' },
    ]);
    expect(asMap.errors).toEqual([
      { path: 'title', message: '太长' },
      { path: 'summary', message: '必填' },
    ]);
  });

  it('turns an HTML error page or a stack trace into an empty title, never the raw text', () => {
    const html = problemFrom(502, '<html><body>Bad gateway</body></html>');
    const trace = problemFrom(500, 'TypeError: x is undefined\n    at handler (/var/task/index.js:1:1)');
    expect(html).toEqual({ type: 'about:blank', title: '', status: 502, errors: [] });
    expect(trace.title).toBe('');
  });

  it('drops a detail that only repeats the title', () => {
    expect(problemFrom(404, JSON.stringify({ title: 'Not found', detail: 'Not found' })).detail).toBeUndefined();
  });

  it('never throws and never echoes a non-problem body (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), fc.string(), (status, body) => {
        const problem = problemFrom(status, body);
        expect(problem.status).toBeTypeOf('number');
        if (problem.title) expect(() => JSON.parse(body)).not.toThrow();
      }),
    );
  });

  it('ApiError carries the status for callers that branch on 409', () => {
    expect(new ApiError(problemFrom(409, '{}'), 'http').status).toBe(409);
  });
});
