import { describe, expect, it } from 'vitest';
import { BOARD_POLL, visiblePollMs } from './poll-intervals';

describe('the visible board interval', () => {
  it('stays quick while things change and slows down only after a quiet spell', () => {
    // Act
    const intervals = Array.from({ length: BOARD_POLL.quietAfter + 2 }, (_, unchanged) => visiblePollMs(unchanged));

    // Assess: quick for the first quietAfter polls, then slower, never past the stale mark
    expect(new Set(intervals.slice(0, BOARD_POLL.quietAfter))).toEqual(new Set([BOARD_POLL.visibleMs]));
    expect(new Set(intervals.slice(BOARD_POLL.quietAfter))).toEqual(new Set([BOARD_POLL.visibleQuietMs]));
    expect(BOARD_POLL.visibleQuietMs).toBeGreaterThan(BOARD_POLL.visibleMs);
    expect(BOARD_POLL.visibleQuietMs).toBeLessThan(BOARD_POLL.staleMs);
  });
});
