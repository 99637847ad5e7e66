import { z } from 'zod';

/** The longest single time a scenario may give (a service time, a latency, a timeout, a backoff). */
export const DAY_MS = 86_400_000;
/** The longest run a scenario may ask for: 31 simulated days. */
export const MAX_DURATION_MS = 31 * DAY_MS;

/**
 * A time in milliseconds, at least 0. `minSuffix` keeps the wording each schema has always
 * printed for the lower bound (the resilience settings say ">= 0 ms"), since the messages
 * reach people and tests verbatim.
 */
export const nonNegativeMs = (what: string, minSuffix = '') =>
  z.number({ error: `${what} must be a number of milliseconds` }).min(0, `${what} must be >= 0${minSuffix}`);

/** A time in milliseconds from 0 to a day. */
export const msUpToADay = (what: string, minSuffix = '') =>
  nonNegativeMs(what, minSuffix).max(DAY_MS, `${what} must be at most a day (${DAY_MS} ms)`);
