import { describe, expect, it } from 'vitest';
import { durationWords } from './duration-words';

describe('durationWords', () => {
  it('words hour offsets and working-hours warnings, in Chinese without Latin keys', () => {
    expect(durationWords('PT30M', 'zh-CN')).toBe('30 分钟');
    expect(durationWords('D-1T09:00', 'zh-CN')).toBe('1 个工作日（09:00）');
    expect(durationWords('D-0T09:00', 'zh-CN')).toBe('当日（09:00）');
    expect(durationWords('D-2T09:00', 'en')).toBe('2 working days (09:00)');
  });
});
