/** Where an invocation runs: a provisioned environment, a warm one, a new one (cold start), or nowhere (429). */
export const ENV_PROVISIONED = 0;
export const ENV_WARM = 1;
export const ENV_COLD = 2;
export const ENV_THROTTLED = -1;

/**
 * The execution environments of one serverless function, as AWS Lambda keeps them:
 *
 * - one environment runs one invocation at a time; concurrency is the number of invocations
 *   running (including those still initialising), capped by `limit` (the function's reserved
 *   concurrency, or the account's unreserved pool). Beyond it an invocation is throttled;
 * - `provisioned` environments are initialised up front, always warm, and used first;
 * - an on-demand invocation reuses an idle warm environment if there is one, the most recently
 *   used first (so the idle tail ages and is reclaimed), else a new one pays a cold start;
 * - an idle on-demand environment is reclaimed after `idleTimeoutMs` without work.
 *
 * The idle environments are a deque of the times they went idle, oldest at the head: reuse
 * takes the newest (tail), reclaiming takes expired ones from the head. Typed arrays, grown
 * to the high-water mark and reused, so an invocation allocates nothing.
 */
export class EnvironmentPool {
  /** Invocations running on provisioned and on on-demand environments. */
  busyProvisioned = 0;
  busyOnDemand = 0;
  /** Idle on-demand environments: when each went idle, in a ring buffer. */
  private idleSince = new Float64Array(16);
  private idleHead = 0;
  idle = 0;
  /** Counters since the last reset. */
  coldStarts = 0;
  warmStarts = 0;
  provisionedStarts = 0;
  throttles = 0;
  reclaimed = 0;
  /** Highest concurrency seen since the last reset. */
  peakConcurrency = 0;

  constructor(
    public limit: number,
    public provisioned: number,
    public idleTimeoutMs: number,
  ) {}

  get concurrency(): number {
    return this.busyProvisioned + this.busyOnDemand;
  }

  /** Environments that exist now: provisioned ones, and on-demand ones busy or idle. */
  get environments(): number {
    return this.provisioned + this.busyOnDemand + this.idle;
  }

  /** Picks an environment for an invocation arriving at `now` (reclaim first: see {@link reclaim}). */
  acquire(now: number): number {
    this.reclaim(now);
    if (this.concurrency >= this.limit) {
      this.throttles++;
      return ENV_THROTTLED;
    }
    let kind: number;
    if (this.busyProvisioned < this.provisioned) {
      this.busyProvisioned++;
      this.provisionedStarts++;
      kind = ENV_PROVISIONED;
    } else {
      this.busyOnDemand++;
      if (this.idle > 0) {
        // Most recently used: the newest idle one, at the tail.
        this.idle--;
        this.warmStarts++;
        kind = ENV_WARM;
      } else {
        this.coldStarts++;
        kind = ENV_COLD;
      }
    }
    const c = this.concurrency;
    if (c > this.peakConcurrency) this.peakConcurrency = c;
    return kind;
  }

  /** The invocation that ran on an environment of `kind` is over at `now`: its environment goes idle. */
  release(kind: number, now: number): void {
    if (kind === ENV_PROVISIONED) {
      this.busyProvisioned--;
      return;
    }
    this.busyOnDemand--;
    if (this.idle === this.idleSince.length) this.growIdle();
    this.idleSince[(this.idleHead + this.idle) % this.idleSince.length] = now;
    this.idle++;
  }

  /** An environment that failed its initialisation is discarded rather than kept warm. */
  discard(kind: number): void {
    if (kind === ENV_PROVISIONED) this.busyProvisioned--;
    else this.busyOnDemand--;
  }

  /** Reclaims the idle environments whose idle timeout has run out by `now`. */
  reclaim(now: number): void {
    const t = this.idleTimeoutMs;
    while (this.idle > 0 && this.idleSince[this.idleHead] + t <= now) {
      this.idleHead = (this.idleHead + 1) % this.idleSince.length;
      this.idle--;
      this.reclaimed++;
    }
  }

  /** When the next idle environment is due to be reclaimed (Infinity: none). */
  nextReclaimMs(): number {
    return this.idle > 0 ? this.idleSince[this.idleHead] + this.idleTimeoutMs : Infinity;
  }

  resetCounters(): void {
    this.coldStarts = this.warmStarts = this.provisionedStarts = this.throttles = this.reclaimed = 0;
    this.peakConcurrency = this.concurrency;
  }

  private growIdle(): void {
    const cap = this.idleSince.length;
    const next = new Float64Array(cap * 2);
    for (let k = 0; k < this.idle; k++) next[k] = this.idleSince[(this.idleHead + k) % cap];
    this.idleSince = next;
    this.idleHead = 0;
  }
}

