/** Something that happened, for the UI's event list and for lessons to check. */
export interface LoggedEvent {
  atMs: number;
  kind: string;
  message: string;
  node?: string;
  edge?: string;
  /** The id of the fault a fault-start or fault-end belongs to, when the fault has one. */
  fault?: string;
}

/** At most this many events are kept; later ones are counted, not stored. */
export const MAX_LOGGED_EVENTS = 2000;

/** A bounded log of notable events: faults, breaker transitions, crashes, scaling. */
export class EventLog {
  readonly entries: LoggedEvent[] = [];
  dropped = 0;
  /** Entries not yet handed to a live snapshot. */
  private sent = 0;

  add(atMs: number, kind: string, message: string, node?: string, edge?: string, fault?: string): void {
    if (this.entries.length >= MAX_LOGGED_EVENTS) {
      this.dropped++;
      return;
    }
    const e: LoggedEvent = { atMs: Math.round(atMs * 1000) / 1000, kind, message };
    if (node !== undefined) e.node = node;
    if (edge !== undefined) e.edge = edge;
    if (fault !== undefined) e.fault = fault;
    this.entries.push(e);
  }

  /** Entries added since the last call (for live snapshots). */
  takeNew(): LoggedEvent[] {
    const out = this.entries.slice(this.sent);
    this.sent = this.entries.length;
    return out;
  }
}
