// Plain constants and no imports: the bundler inlines the values of such a module into the
// hot path (a module that imports anything keeps its constants as variables).

/** Event types on the agenda: small integers, one case each in the event loop's dispatch (runtime/wiring.ts). */
export const EV_CLIENT_ARRIVAL = 1;
export const EV_DELIVER = 2;
export const EV_SERVICE_DONE = 3;
export const EV_RESPONSE = 4;
export const EV_TIMEOUT = 5;
export const EV_TICK = 6;
export const EV_CLIENT_RATE = 7;
export const EV_THINK_DONE = 8;
export const EV_WARMUP_END = 9;
export const EV_INSTANCE_READY = 10;

/**
 * Why a request failed. 0 is success. The names are the report's `failedBy` keys.
 */
export const OK = 0;
export const FAIL_ERROR = 1;
export const FAIL_TIMEOUT = 2;
export const FAIL_REJECTED = 3;
export const FAIL_RATE_LIMITED = 4;
export const FAIL_CRASHED = 5;
export const FAIL_SHORT_CIRCUITED = 6;
export const FAIL_NOT_FOUND = 7;
export const FAILURE_NAMES = ['ok', 'error', 'timeout', 'rejected', 'rate-limited', 'crashed', 'short-circuited', 'not-found'] as const;
export type FailureName = Exclude<(typeof FAILURE_NAMES)[number], 'ok'>;
/** FAILURE_NAMES.length, written out: a module of plain constants lets the bundler inline them all. */
export const FAILURE_COUNT = 8;

/** Load-balancing policies. */
export const LB_ROUND_ROBIN = 0;
export const LB_RANDOM = 1;
export const LB_LEAST_OUTSTANDING = 2;
export const LB_P2C = 3;

/** Instance states. */
export const INST_READY = 0;
export const INST_STARTING = 1;
export const INST_CRASHED = 2;
export const INST_DRAINING = 3;
export const INST_GONE = 4;
export const INSTANCE_STATE_NAMES = ['ready', 'starting', 'crashed', 'draining', 'gone'] as const;
export const EV_RETRY = 11;
export const EV_BULKHEAD_EXPIRE = 12;
export const EV_FALLBACK_DONE = 13;
export const EV_FAULT_START = 14;
export const EV_FAULT_END = 15;
export const EV_BREAKER_TIMER = 16;
/** A node kind's own timer: a = node index, b = the kind's payload. */
export const EV_KIND = 17;
