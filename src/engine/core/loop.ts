import type { EventQueue } from './eventQueue';

/**
 * What one event type does: a plain function of the state and the event's two payload
 * numbers. Handlers are module-level functions, never closures made per event.
 */
export type Handler<S> = (s: S, a: number, b: number) => void;

/**
 * Runs one event: its type picks what it does. The caller's one function for every event
 * type (a switch over its handlers), so that the loop's call of it is the same call every
 * time and the engine can inline it, and each handler's call inside it as well; a call
 * through a table of handlers is a different function at each event and is never inlined.
 */
export type Dispatch<S> = (s: S, type: number, a: number, b: number) => void;

/** What the loop needs of the state it advances: a clock, an agenda and an event budget. */
export interface Clocked {
  now: number;
  events: number;
  maxEvents: number;
  readonly q: EventQueue;
}

/**
 * The event loop. Like SimPy's core it knows nothing of requests, stations or calls: it pops
 * the next event, moves the clock and hands it to `dispatch`, which the caller wires at build
 * time. The rules that give events a meaning live in the
 * modules that fill the table, which the loop never imports.
 */

/** Runs every event up to and including tEnd; false if the event budget ran out first. */
export function runUntil<S extends Clocked>(s: S, dispatch: Dispatch<S>, tEnd: number): boolean {
  const q = s.q;
  const budget = s.maxEvents;
  while (q.size > 0 && q.peekTime() <= tEnd) {
    if (s.events >= budget) return false;
    q.pop();
    s.events++;
    s.now = q.time;
    dispatch(s, q.type, q.a, q.b);
  }
  if (tEnd > s.now && tEnd < Infinity) s.now = tEnd;
  return true;
}

/** Runs the next event; false when there is none. */
export function step<S extends Clocked>(s: S, dispatch: Dispatch<S>): boolean {
  const q = s.q;
  if (q.size === 0) return false;
  q.pop();
  s.events++;
  s.now = q.time;
  dispatch(s, q.type, q.a, q.b);
  return true;
}
