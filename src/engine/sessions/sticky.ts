/**
 * Sticky sessions (session affinity): a service keeps each user's session in the memory of
 * one instance, and the load balancer sends that user back to it, as an AWS ALB with
 * stickiness or an nginx `ip_hash`/cookie upstream does. When the instance dies (crash,
 * scale-in, a restart for a resize) the sessions in it are lost: their users must log in again.
 *
 * Users: a closed-loop client has `users`; an open-loop client is taken to have a population
 * of {@link DEFAULT_SESSION_USERS}. Each request of a client belongs to one of its users,
 * chosen by a hash of the request tree's root (its slot and generation), which is fixed for
 * the whole tree and its retries, so no random number is drawn and the run's random stream
 * is the same with or without sessions. The user id is kept in the request's `aux2` column.
 */
import { grownI32 } from '../core/grow';
import { INST_READY } from '../runtime/codes';
import type { JobPool } from '../runtime/jobs';
import type { InstancePicker, NodeRt } from '../runtime/nodeRuntime';
import { basePick } from '../runtime/stations';
import type { World } from '../runtime/world';

/** Users behind an open-loop client (which has no user count of its own). */
export const DEFAULT_SESSION_USERS = 1000;

/** The slot of the request that started the tree `j` belongs to (a client's request, or a queue's delivery). */
export function rootOf(jobs: JobPool, j: number): number {
  let r = j;
  // Bounded: a call tree is never deeper than the scenario's longest call chain.
  for (let depth = 0; depth < 1000; depth++) {
    const p = jobs.parent[r];
    // A parent slot that was freed and reused is not our parent any more: stop there.
    if (p < 0 || jobs.gen[p] !== jobs.parentGen[r]) break;
    r = p;
  }
  return r;
}

/** A well-mixed 32-bit hash of two integers (murmur3's finaliser over a combined key). */
export function mix32(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul((b + 0x632be5ab) | 0, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The user (0..population−1) that request `j` is made for. */
export function userOf(jobs: JobPool, j: number, population: number): number {
  const r = rootOf(jobs, j);
  return mix32(r, jobs.gen[r]) % population;
}

/** Per client: each user's instance (+1, 0 = none) and that instance's incarnation when pinned. */
interface UserTable {
  readonly pin: Int32Array;
  readonly incarnation: Int32Array;
}

/** The picker of one service with `sessions: "sticky"`. */
export class StickySessions implements InstancePicker {
  /** Sessions lost with their instance since the run began. */
  lost = 0;
  private readonly tables = new Map<number, UserTable>();
  /** Per instance: bumped when its sessions are lost, which invalidates every pin to it. */
  private incarnation = new Int32Array(8);
  /** Per instance: sessions it holds now. */
  private held = new Int32Array(8);

  pick(w: World, n: NodeRt, j: number): number {
    const jobs = w.jobs;
    const t = this.tableOf(w, jobs.client[j]);
    const u = userOf(jobs, j, t.pin.length);
    jobs.aux2[j] = u;
    const pinned = t.pin[u] - 1;
    if (pinned >= 0 && t.incarnation[u] === this.incarnation[pinned]) {
      if (n.instances[pinned].state === INST_READY) return pinned;
      // Down, but the down hook that loses its sessions has not run yet: this pick comes from
      // a hook that ran before it (a resize booting an instance that a queue then feeds).
      this.lose(w, n, pinned);
    }
    // No session (or a lost one): the balancer (or discovery's view) chooses, and we pin.
    const i = basePick(w, n, j);
    if (i >= 0 && n.instances[i].state === INST_READY) {
      this.grow(i);
      t.pin[u] = i + 1;
      t.incarnation[u] = this.incarnation[i];
      this.held[i]++;
    }
    return i;
  }

  /** Sessions instance i holds now. */
  heldBy(i: number): number {
    return i < this.held.length ? this.held[i] : 0;
  }

  /** Instance i is gone or restarted: every session in it is lost. */
  lose(w: World, n: NodeRt, i: number): void {
    this.grow(i);
    const count = this.held[i];
    this.held[i] = 0;
    this.incarnation[i]++;
    if (count === 0) return;
    this.lost += count;
    w.log.add(w.now, 'sessions', `${n.id}: ${count} session${count === 1 ? '' : 's'} lost with instance ${i}`, n.id);
  }

  private tableOf(w: World, client: number): UserTable {
    let t = this.tables.get(client);
    if (t === undefined) {
      const c = client >= 0 && client < w.nodes.length ? w.nodes[client].client : null;
      const users = c !== null && !c.open && c.users > 0 ? c.users : DEFAULT_SESSION_USERS;
      t = { pin: new Int32Array(users), incarnation: new Int32Array(users) };
      this.tables.set(client, t);
    }
    return t;
  }

  private grow(i: number): void {
    if (i < this.held.length) return;
    let size = this.held.length * 2;
    while (size <= i) size *= 2;
    this.held = grownI32(this.held, size);
    this.incarnation = grownI32(this.incarnation, size);
  }
}

/** Instance i of `n` is going down: lose the sessions it holds (no-op without sticky sessions). */
export function loseSessionsOn(w: World, n: NodeRt, i: number): void {
  if (n.sessions instanceof StickySessions) n.sessions.lose(w, n, i);
}
