/**
 * Queueing-theory formulas for checking the simulator against closed forms
 * (shared/design/semantics.md §11; Kleinrock vol. 1, Harchol-Balter), plus small helpers to
 * run a scenario and summarise repeated runs.
 *
 * Units: every formula takes rates and returns times in matching units. The theory tests
 * use rates per millisecond (λ = rps / 1000, μ = 1 / mean service ms) so times come out in ms.
 */
import type { Report } from '../../src/engine/metrics/report';
import { createSimulation } from '../../src/engine/simulation';
import { parseScenarioOrThrow } from '../../src/scenario/parse';

// ---- M/M/1 -------------------------------------------------------------------------------

export interface QueueMeans {
  /** Utilisation per server, λ/(cμ). */
  rho: number;
  /** Mean time in system and waiting (not in service). */
  W: number;
  Wq: number;
  /** Mean number in system and waiting. */
  L: number;
  Lq: number;
}

function assertStable(rho: number, what: string): void {
  if (!(rho >= 0 && rho < 1)) throw new Error(`${what}: unstable (rho = ${rho})`);
}

/** M/M/1: Poisson arrivals λ, exponential service rate μ, one server, infinite room. */
export function mm1(lambda: number, mu: number): QueueMeans {
  const rho = lambda / mu;
  assertStable(rho, 'M/M/1');
  const W = 1 / (mu - lambda);
  const Wq = rho / (mu - lambda);
  return { rho, W, Wq, L: rho / (1 - rho), Lq: (rho * rho) / (1 - rho) };
}

/** The p-quantile of the M/M/1 response time, which is Exp(μ − λ): −ln(1−p)/(μ−λ). */
export function mm1ResponseQuantile(lambda: number, mu: number, p: number): number {
  assertStable(lambda / mu, 'M/M/1');
  return -Math.log(1 - p) / (mu - lambda);
}

// ---- M/M/c (Erlang C) and Erlang B -----------------------------------------------------

/**
 * Erlang B, the blocking probability of M/M/c/c with offered load a = λ/μ, by the stable
 * recursion B(0) = 1, B(k) = a·B(k−1)/(k + a·B(k−1)).
 */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/**
 * Erlang C: the probability that an arrival waits in M/M/c, offered load a = λ/μ < c.
 * Computed from Erlang B (C = B / (1 − ρ(1 − B))), which equals the textbook
 * [aᶜ/c! · 1/(1−ρ)] / [Σ_{k<c} aᵏ/k! + aᶜ/c! · 1/(1−ρ)] without large factorials.
 */
export function erlangC(c: number, a: number): number {
  const rho = a / c;
  assertStable(rho, 'Erlang C');
  const b = erlangB(c, a);
  return b / (1 - rho * (1 - b));
}

/** The textbook Erlang C sum, for cross-checking {@link erlangC} in small cases. */
export function erlangCDirect(c: number, a: number): number {
  const rho = a / c;
  let term = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = term / (1 - rho);
  return top / (sum + top);
}

/** M/M/c: Poisson λ, c exponential servers of rate μ each, one shared FIFO queue. */
export function mmc(lambda: number, mu: number, c: number): QueueMeans & { pWait: number } {
  const a = lambda / mu;
  const rho = a / c;
  const pWait = erlangC(c, a);
  const Wq = pWait / (c * mu - lambda);
  const W = Wq + 1 / mu;
  return { rho, pWait, W, Wq, L: lambda * W, Lq: (pWait * rho) / (1 - rho) };
}

// ---- M/G/1, M/D/1 ----------------------------------------------------------------------

/**
 * M/G/1 by Pollaczek–Khinchine: Wq = λE[S²]/(2(1−ρ)), with the service time's mean and
 * squared coefficient of variation cs2 = Var(S)/E[S]² (so E[S²] = (1 + cs2)·E[S]²).
 */
export function mg1(lambda: number, meanS: number, cs2: number): QueueMeans {
  const rho = lambda * meanS;
  assertStable(rho, 'M/G/1');
  const es2 = (1 + cs2) * meanS * meanS;
  const Wq = (lambda * es2) / (2 * (1 - rho));
  const W = Wq + meanS;
  return { rho, W, Wq, L: lambda * W, Lq: lambda * Wq };
}

/** M/D/1: constant service 1/μ. Wq = ρ/(2μ(1−ρ)), half of M/M/1's; Lq = ρ²/(2(1−ρ)). */
export function md1(lambda: number, mu: number): QueueMeans {
  const rho = lambda / mu;
  assertStable(rho, 'M/D/1');
  const Wq = rho / (2 * mu * (1 - rho));
  const W = Wq + 1 / mu;
  return { rho, W, Wq, L: lambda * W, Lq: (rho * rho) / (2 * (1 - rho)) };
}

/** Kingman's G/G/1 approximation: Wq ≈ ρ/(1−ρ) · (ca2 + cs2)/2 · E[S]. */
export function kingmanWq(lambda: number, meanS: number, ca2: number, cs2: number): number {
  const rho = lambda * meanS;
  assertStable(rho, 'Kingman');
  return (rho / (1 - rho)) * ((ca2 + cs2) / 2) * meanS;
}

// ---- M/M/1/K -----------------------------------------------------------------------------

export interface FiniteQueue {
  rho: number;
  /** P(n in system), n = 0..K. */
  p: number[];
  /** Blocking probability P_K (= what an arrival sees, by PASTA). */
  pBlock: number;
  /** Throughput λ(1 − P_K). */
  throughput: number;
  L: number;
  /** Mean waiting (not in service) and mean time in system of admitted requests. */
  Lq: number;
  W: number;
  Wq: number;
  /** Server busy probability, 1 − P_0 (= throughput/μ). */
  utilization: number;
}

/** M/M/1/K: K is the most requests in the system, including the one in service. */
export function mm1k(lambda: number, mu: number, K: number): FiniteQueue {
  const rho = lambda / mu;
  const p: number[] = [];
  if (Math.abs(rho - 1) < 1e-12) for (let n = 0; n <= K; n++) p.push(1 / (K + 1));
  else for (let n = 0; n <= K; n++) p.push(((1 - rho) * rho ** n) / (1 - rho ** (K + 1)));
  const pBlock = p[K];
  const throughput = lambda * (1 - pBlock);
  let L = 0;
  for (let n = 0; n <= K; n++) L += n * p[n];
  const utilization = 1 - p[0];
  const Lq = L - utilization;
  return { rho, p, pBlock, throughput, L, Lq, W: L / throughput, Wq: Lq / throughput, utilization };
}

/** The closed form L = ρ/(1−ρ) − (K+1)ρ^{K+1}/(1−ρ^{K+1}) (ρ ≠ 1), to cross-check {@link mm1k}. */
export function mm1kClosedFormL(rho: number, K: number): number {
  return rho / (1 - rho) - ((K + 1) * rho ** (K + 1)) / (1 - rho ** (K + 1));
}

// ---- Finite source (closed loop) -----------------------------------------------------------

export interface FiniteSource {
  /** P(n requests at the station), n = 0..N. */
  p: number[];
  /** Throughput (requests per time unit). */
  X: number;
  /** Mean response time at the station, by the response time law R = N/X − Z. */
  R: number;
  /** Mean number at the station (waiting or in service). */
  L: number;
  /** Busy servers over servers. */
  utilization: number;
}

/**
 * M/M/c//N, the machine-repairman model: N users each think for a mean Z, then send one
 * request to a station of c exponential servers (mean service S) and wait for its answer.
 * Birth–death with up-rate (N − n)/Z and down-rate min(n, c)/S. By BCMP the think time (a
 * delay station) may have any distribution with mean Z.
 */
export function finiteSource(N: number, Z: number, S: number, c = 1): FiniteSource {
  const w = [1];
  for (let n = 1; n <= N; n++) w.push((w[n - 1] * ((N - n + 1) / Z)) / (Math.min(n, c) / S));
  const total = w.reduce((a, b) => a + b, 0);
  const p = w.map((x) => x / total);
  let L = 0, busy = 0;
  p.forEach((pn, n) => {
    L += n * pn;
    busy += Math.min(n, c) * pn;
  });
  const X = busy / S;
  return { p, X, R: N / X - Z, L, utilization: busy / c };
}

// ---- GI/M/1 ------------------------------------------------------------------------------

/**
 * GI/M/1: σ is the root in (0, 1) of σ = A*(μ(1−σ)), where A* is the Laplace–Stieltjes
 * transform of the interarrival time. Found by fixed-point iteration from 0, which rises
 * monotonically to the smallest root (the one in (0, 1) when the queue is stable).
 */
export function gim1Sigma(laplace: (s: number) => number, mu: number): number {
  let sigma = 0;
  for (let i = 0; i < 1_000_000; i++) {
    const next = laplace(mu * (1 - sigma));
    if (Math.abs(next - sigma) < 1e-15) return next;
    sigma = next;
  }
  throw new Error('GI/M/1: sigma did not converge');
}

/**
 * σ for Erlang-k interarrivals made of k exponential phases of rate `phaseRate` each (the
 * arrivals one instance sees under round-robin over k instances of a Poisson stream of total
 * rate `phaseRate`): A*(s) = (λ/(λ+s))^k.
 */
export function erlangKSigma(k: number, phaseRate: number, mu: number): number {
  return gim1Sigma((s) => (phaseRate / (phaseRate + s)) ** k, mu);
}

/**
 * GI/M/1 means from σ, the per-server arrival rate λ and the service rate μ: an arrival finds
 * n in system with probability (1−σ)σⁿ, so W = 1/(μ(1−σ)), Wq = σ/(μ(1−σ)), and the
 * response time is Exp(μ(1−σ)).
 */
export function gim1(sigma: number, lambda: number, mu: number): QueueMeans & { sigma: number } {
  const rho = lambda / mu;
  assertStable(rho, 'GI/M/1');
  const W = 1 / (mu * (1 - sigma));
  const Wq = sigma / (mu * (1 - sigma));
  return { rho, sigma, W, Wq, L: lambda * W, Lq: lambda * Wq };
}

/** Round-robin over k single-worker exponential servers fed by Poisson λ (total): E_k/M/1 each. */
export function roundRobinErlangK(lambdaTotal: number, mu: number, k: number): QueueMeans & { sigma: number } {
  return gim1(erlangKSigma(k, lambdaTotal, mu), lambdaTotal / k, mu);
}

// ---- Running scenarios ---------------------------------------------------------------------

/**
 * Validates a scenario object (with defaults applied by the scenario layer), runs it for
 * `durationMs` of simulated time at `seed`, statistics from `warmupMs` on, and returns the
 * report. Throws if the run stopped early.
 */
export function runScenario(obj: Record<string, unknown>, durationMs: number, seed: number, warmupMs = 0): Report {
  const scenario = parseScenarioOrThrow({ ...obj, durationMs, warmupMs, seed });
  const sim = createSimulation(scenario, { seed, warmupMs });
  sim.runUntil(durationMs);
  const stopped = sim.stoppedEarly();
  if (stopped) throw new Error(`run stopped early: ${stopped}`);
  return sim.report();
}

/** Runs the same scenario once per seed. */
export function runSeeds(obj: Record<string, unknown>, durationMs: number, seeds: readonly number[], warmupMs = 0): Report[] {
  return seeds.map((seed) => runScenario(obj, durationMs, seed, warmupMs));
}

// ---- Statistics --------------------------------------------------------------------------

export interface Sample {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** Standard error of the mean, sd/√n. */
  se: number;
}

export function summarize(xs: readonly number[]): Sample {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return { n, mean, sd, se: sd / Math.sqrt(n) };
}

/** |measured − expected| / |expected|. */
export function relErr(measured: number, expected: number): number {
  return Math.abs(measured - expected) / Math.abs(expected);
}

/** A one-line "measured vs theory" note for failure messages and logs. */
export function vs(what: string, measured: number, expected: number): string {
  return `${what}: measured ${measured.toPrecision(5)} vs theory ${expected.toPrecision(5)} (${(100 * (measured / expected - 1)).toFixed(2)} %)`;
}

/** Fixed seeds for replications: one list so every test uses the same ones. */
export const SEEDS = [11, 23, 37, 41, 53, 67, 79, 83] as const;

// ---- Dispatching to k single-server queues (the "supermarket" model) ---------------------

export type DispatchPolicy = 'random' | 'join-shortest' | 'power-of-two';

/**
 * Exact (up to truncation) stationary means for k exponential single-server FIFO queues fed
 * by Poisson λ and a dispatcher that sees the number in system at each server:
 * - `random`: uniform choice (each server is M/M/1 at λ/k);
 * - `join-shortest`: the fewest in system (least-outstanding), ties at random;
 * - `power-of-two`: two distinct servers drawn uniformly, the one with fewer in system
 *   (ties either way: the servers are exchangeable).
 *
 * The continuous-time Markov chain on the sorted vector of queue lengths (at most `cap` per
 * server; an arrival to a full server is dropped, which `cap` makes negligible) is solved by
 * Gauss–Seidel. Returns L (mean number in system), W = L/throughput, and the drop share.
 */
export function dispatchMeans(policy: DispatchPolicy, lambda: number, mu: number, k: number, cap = 20, tolerance = 1e-13): { L: number; W: number; dropped: number; states: number; sweeps: number } {
  // Enumerate sorted (non-increasing) vectors; index them through a dense code in base cap+1.
  const base = cap + 1;
  const codeOf = (v: number[]) => v.reduce((a, x) => a * base + x, 0);
  const states: number[][] = [];
  const rec = (prefix: number[], max: number) => {
    if (prefix.length === k) {
      states.push(prefix.slice());
      return;
    }
    for (let x = 0; x <= max; x++) {
      prefix.push(x);
      rec(prefix, x);
      prefix.pop();
    }
  };
  rec([], cap);
  const index = new Map<number, number>();
  states.forEach((s, i) => index.set(codeOf(s), i));
  const sorted = (v: number[]) => v.slice().sort((a, b) => b - a);
  const pairs = (m: number) => (m * (m - 1)) / 2;

  // Outgoing transitions, then inverted into incoming lists for Gauss–Seidel.
  const outRate = new Float64Array(states.length);
  const dropRate = new Float64Array(states.length);
  const incoming: { from: number; rate: number }[][] = states.map(() => []);
  const add = (from: number, to: number[], rate: number) => {
    if (rate <= 0) return;
    const j = index.get(codeOf(sorted(to)))!;
    outRate[from] += rate;
    incoming[j].push({ from, rate });
  };
  states.forEach((s, i) => {
    // Departures: every busy server at rate μ.
    for (let p = 0; p < k; p++) {
      if (s[p] > 0) {
        const t = s.slice();
        t[p]--;
        add(i, t, mu);
      }
    }
    // Arrivals: the probability of joining each position p (positions with equal values
    // share their value's probability equally; which one does not matter once sorted).
    const join = new Float64Array(k);
    if (policy === 'random') join.fill(1 / k);
    else if (policy === 'join-shortest') {
      const min = s[k - 1];
      const m = s.filter((x) => x === min).length;
      for (let p = 0; p < k; p++) if (s[p] === min) join[p] = 1 / m;
    } else {
      for (let p = 0; p < k; p++) {
        const v = s[p];
        const below = s.filter((x) => x < v).length;
        const equal = s.filter((x) => x === v).length;
        const pv = (pairs(k - below) - pairs(k - below - equal)) / pairs(k);
        join[p] = pv / equal;
      }
    }
    for (let p = 0; p < k; p++) {
      if (join[p] === 0) continue;
      if (s[p] >= cap) {
        dropRate[i] += lambda * join[p];
        continue;
      }
      const t = s.slice();
      t[p]++;
      add(i, t, lambda * join[p]);
    }
  });

  // Incoming transitions as compressed rows (typed arrays keep the sweeps fast).
  const n = states.length;
  const rowStart = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) rowStart[j + 1] = rowStart[j] + incoming[j].length;
  const inFrom = new Int32Array(rowStart[n]);
  const inRate = new Float64Array(rowStart[n]);
  for (let j = 0; j < n; j++) {
    incoming[j].forEach((t, q) => {
      inFrom[rowStart[j] + q] = t.from;
      inRate[rowStart[j] + q] = t.rate;
    });
  }
  const pi = new Float64Array(n).fill(1 / n);
  let sweeps = 0;
  for (; sweeps < 200_000; sweeps++) {
    let change = 0;
    for (let j = 0; j < n; j++) {
      let inflow = 0;
      for (let q = rowStart[j]; q < rowStart[j + 1]; q++) inflow += pi[inFrom[q]] * inRate[q];
      const next = inflow / outRate[j];
      const d = Math.abs(next - pi[j]);
      if (d > change) change = d;
      pi[j] = next;
    }
    let total = 0;
    for (let j = 0; j < n; j++) total += pi[j];
    for (let j = 0; j < n; j++) pi[j] /= total;
    if (change < tolerance) break;
  }
  let L = 0, drop = 0;
  states.forEach((s, i) => {
    L += pi[i] * s.reduce((a, b) => a + b, 0);
    drop += pi[i] * dropRate[i];
  });
  const throughput = lambda - drop;
  return { L, W: L / throughput, dropped: drop / lambda, states: n, sweeps };
}

// ---- Reading reports -------------------------------------------------------------------------

/** Seconds of simulated time the report's statistics cover (after warm-up). */
export function measuredMs(r: Report): number {
  return r.simulatedMs - Math.min(r.simulatedMs, r.warmupMs);
}

/**
 * Mean number of requests at a node (waiting + held by a worker): the report gives the
 * time-weighted waiting count and busy/capacity, so busy = utilization × instances × workers.
 */
export function meanInSystem(r: Report, node: string, instances: number, workersPerInstance: number): number {
  const n = r.nodes[node];
  return n.meanQueueLength + n.utilization * instances * workersPerInstance;
}

/** Mean of one number read from each report. */
export function meanOf(reports: readonly Report[], read: (r: Report) => number): Sample {
  return summarize(reports.map(read));
}

/**
 * Prints measured-vs-theory lines when THEORY_LOG is set (`THEORY_LOG=1 npx vitest run
 * tests/theory`), so a normal run stays quiet.
 */
export function note(title: string, lines: string[]): void {
  if (process.env.THEORY_LOG) console.log(`${title}\n  ${lines.join('\n  ')}`);
}
