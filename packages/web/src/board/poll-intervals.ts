// How often the on-duty board asks for news. A module of its own, without browser imports, because
// the cost script (npm run cost) prices a board-month from these same numbers.
export const BOARD_POLL = {
  /** While the board is visible. */
  visibleMs: 2500,
  /** In a background tab or behind a locked screen: still polling, so an alert still rings there. */
  hiddenMs: 2500,
} as const;
