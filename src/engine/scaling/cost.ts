/**
 * Dollars spent over simulated time: each node has a piecewise-constant rate in dollars per
 * hour (instances × price of their size), integrated exactly between rate changes.
 */

const MS_PER_HOUR = 3_600_000;

/**
 * The cost meter of one run. Nodes are addressed by index (0..nodeCount−1). All rates start
 * at 0; call {@link CostMeter.setRate} whenever a node's instances or their size change.
 * Times must not go backwards for a node; the meter throws a RangeError if they do.
 *
 * Queries allocate nothing, so a snapshot may read the meter as often as it likes.
 *
 * @example
 * const meter = new CostMeter(1);
 * meter.setRate(0, 0, 2 * SIZES.small.pricePerHour); // two small instances from t = 0
 * meter.totalAt(3_600_000); // 2 × small's hourly price
 */
export class CostMeter {
  /** Dollars per hour since `sinceMs`. */
  private readonly rate: Float64Array;
  /** Dollars accrued up to `sinceMs`. */
  private readonly accrued: Float64Array;
  private readonly sinceMs: Float64Array;

  constructor(nodeCount: number) {
    this.rate = new Float64Array(nodeCount);
    this.accrued = new Float64Array(nodeCount);
    this.sinceMs = new Float64Array(nodeCount);
  }

  /** Number of nodes metered. */
  get nodeCount(): number {
    return this.rate.length;
  }

  /** From `nowMs` on, node `nodeIndex` costs `dollarsPerHour` (>= 0). */
  setRate(nowMs: number, nodeIndex: number, dollarsPerHour: number): void {
    this.check(nowMs, nodeIndex);
    if (!(dollarsPerHour >= 0) || !Number.isFinite(dollarsPerHour)) {
      throw new RangeError(`CostMeter: rate must be a finite number >= 0, got ${dollarsPerHour}`);
    }
    this.accrued[nodeIndex] = this.byNodeAt(nowMs, nodeIndex);
    this.sinceMs[nodeIndex] = nowMs;
    this.rate[nodeIndex] = dollarsPerHour;
  }

  /** The current rate of a node, dollars per hour. */
  rateOf(nodeIndex: number): number {
    return this.rate[nodeIndex];
  }

  /** Dollars spent by node `nodeIndex` from time 0 to `nowMs`. */
  byNodeAt(nowMs: number, nodeIndex: number): number {
    this.check(nowMs, nodeIndex);
    return this.accrued[nodeIndex] + (this.rate[nodeIndex] * (nowMs - this.sinceMs[nodeIndex])) / MS_PER_HOUR;
  }

  /** Dollars spent by all nodes from time 0 to `nowMs`. */
  totalAt(nowMs: number): number {
    let total = 0;
    for (let i = 0; i < this.rate.length; i++) total += this.byNodeAt(nowMs, i);
    return total;
  }

  private check(nowMs: number, nodeIndex: number): void {
    if (!(nodeIndex >= 0 && nodeIndex < this.rate.length && Number.isInteger(nodeIndex))) {
      throw new RangeError(`CostMeter: no node ${nodeIndex} (have ${this.rate.length})`);
    }
    // Integrating backwards would silently subtract money; a caller bug, so fail loudly.
    if (!(nowMs >= this.sinceMs[nodeIndex])) {
      throw new RangeError(`CostMeter: time ${nowMs} ms is before the last rate change of node ${nodeIndex}`);
    }
  }
}
