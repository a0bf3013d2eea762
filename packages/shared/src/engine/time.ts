/** D7: the default tick, 100 ms; the teacher's speed setting scales it. Rates are per second. */
export const TICK_MS = 100;
export const TICKS_PER_SECOND = 1000 / TICK_MS;
