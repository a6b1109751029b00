/** A pinned local clock: Monday 16 March 2026, 09:30. */
export const now = new Date(2026, 2, 16, 9, 30, 0);
