// How often the on-duty board asks for news. A module of its own, without browser imports, because
// the cost script (npm run cost) prices a board-month from these same numbers.
//
// Each poll is an API Gateway request and two Lambda invocations (authoriser and handler) whether or
// not anything changed — about $2 per million polls — so the budget of $0.30 a board-month sets the
// pace: a 304 saves the body, not the request. An alert also goes out by SMS at once; the board
// catches up within one interval, and at once when the tab comes back into view or regains focus.
export const BOARD_POLL = {
  /** While the board is visible and something changed lately. */
  visibleMs: 15_000,
  /**
   * While the board is visible and nothing changed for `quietAfter` polls (a quiet duty room, most
   * of the day): half the requests. The first alert after a quiet spell shows within this, the SMS
   * at once, and any change brings the board back to `visibleMs`.
   */
  visibleQuietMs: 30_000,
  quietAfter: 8,
  /** In a background tab or behind a locked screen: still polling, so an alert still rings there. */
  hiddenMs: 60_000,
  /** Clocks are re-read on every alert change, and at least every this many polls. */
  clocksEvery: 4,
  /**
   * Against the local runtime (it answers /_local/clock): a laptop pays nothing per request, and a
   * demo that moves the virtual clock wants the board to follow at once.
   */
  localMs: 2500,
  /** What is on screen is marked stale after this long without a successful poll. */
  staleMs: 40_000,
} as const;

/** The visible board's next interval after `unchangedPolls` polls in a row that changed nothing. */
export function visiblePollMs(unchangedPolls: number): number {
  return unchangedPolls >= BOARD_POLL.quietAfter ? BOARD_POLL.visibleQuietMs : BOARD_POLL.visibleMs;
}
