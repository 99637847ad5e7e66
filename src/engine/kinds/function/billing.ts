/**
 * AWS Lambda's price list (x86, us-east-1): a price per request, and per GB-second of
 * configured memory for the billed duration, which is rounded up to the next millisecond.
 * Provisioned concurrency costs a smaller price per GB-second for as long as it is
 * configured, and the invocations that run on it pay a lower duration price.
 */
export const PRICE_PER_REQUEST = 0.2 / 1_000_000;
export const PRICE_PER_GB_SECOND = 0.0000166667;
export const PROVISIONED_PRICE_PER_GB_SECOND = 0.0000041667;
export const PROVISIONED_DURATION_PRICE_PER_GB_SECOND = 0.0000097222;

/** Dollars a function has cost: requests, billed durations and provisioned time. */
export class LambdaBill {
  requests = 0;
  /** Billed milliseconds on on-demand and on provisioned environments. */
  billedMs = 0;
  billedProvisionedMs = 0;
  readonly gb: number;

  constructor(memoryMb: number, readonly provisioned: number) {
    this.gb = memoryMb / 1024;
  }

  /** One invocation that ran `durationMs` (initialisation included) on an on-demand or a provisioned environment. */
  invoke(durationMs: number, onProvisioned: boolean): void {
    this.requests++;
    const billed = Math.ceil(durationMs);
    if (onProvisioned) this.billedProvisionedMs += billed;
    else this.billedMs += billed;
  }

  /** Dollars spent by `nowMs`, with provisioned concurrency configured since time 0. */
  totalAt(nowMs: number): number {
    return this.requests * PRICE_PER_REQUEST
      + (this.billedMs / 1000) * this.gb * PRICE_PER_GB_SECOND
      + (this.billedProvisionedMs / 1000) * this.gb * PROVISIONED_DURATION_PRICE_PER_GB_SECOND
      + this.provisionedAt(nowMs);
  }

  /** What the provisioned environments alone cost by `nowMs`. */
  provisionedAt(nowMs: number): number {
    return (nowMs / 1000) * this.provisioned * this.gb * PROVISIONED_PRICE_PER_GB_SECOND;
  }
}
