/**
 * How each node kind looks on the canvas, in one table: its icon (also in the palette and the
 * inspector), whose live numbers it shows, whether it shows instance cells, which badges, the
 * words for the values its kind reports, and any drawing of its own. Drawing a new kind is one
 * entry here (and its icon in common/icons.tsx); a kind with no entry is drawn plainly.
 */
import type { ComponentType, ReactElement } from 'react';
import type { NodeLive } from '../../../store/types';
import {
  CacheIcon, ClientIcon, DatabaseIcon, FunctionIcon, GatewayIcon, GenericIcon, QueueIcon, RegistryIcon, SagaIcon, ServiceIcon, TopicIcon,
} from '../../common/icons';
import { EnvironmentCells } from './EnvironmentCells';
import { HitRatioBar } from './HitRatioBar';
import { QueueDepth } from './QueueDepth';
import { SubscriberBacklog } from './SubscriberBacklog';

/** The live numbers a card can show under its name (Badges.tsx draws them). */
export type BadgeName = 'rps' | 'p99' | 'errors' | 'origin' | 'utilization' | 'queue';

/** A value the kind reports in its live `extra`: its word, and whether a count above 0 means harm or needs a look. */
export interface ExtraLook {
  word?: string;
  tone?: 'bad' | 'warn';
  /** Drawn by the kind's own drawing, not as a badge. */
  hidden?: true;
}

type Extra = Record<string, number | string> | undefined;

export interface KindLook {
  icon: () => ReactElement;
  /** A client shows the answers it got; every other kind the work it did. */
  live: 'client' | 'node';
  /** One cell per instance, filling as it gets busy (kinds that serve on instances). */
  cells: boolean;
  badges: readonly BadgeName[];
  extras: Readonly<Record<string, ExtraLook>>;
  /** A drawing of its own between the name and the badges (a queue's depth bar). */
  gauge?: ComponentType<{ stats: NodeLive | undefined }>;
  /** A drawing of its own under the badges (a topic's backlog per subscriber). */
  detail?: ComponentType<{ extra: Extra }>;
}

const SERVING: readonly BadgeName[] = ['rps', 'p99', 'errors', 'origin', 'utilization', 'queue'];
const PLAIN: readonly BadgeName[] = ['rps', 'p99', 'errors', 'origin'];
const FLOWING: readonly BadgeName[] = ['rps', 'errors'];

const HIDDEN: ExtraLook = { hidden: true };
/** Sticky sessions lost with an instance (services, gateways, databases). */
const SESSIONS = { sessionsLost: { word: 'sessions lost', tone: 'bad' } } as const;
/** What a broker (queue, topic) reports: in flight, the oldest waiting, lost and redelivered messages. */
const BROKER = {
  inFlight: { word: 'in flight' }, oldestAgeMs: { word: 'oldest' }, lost: { tone: 'bad' }, redelivered: { tone: 'warn' }, deadLettered: { word: 'dead-lettered', tone: 'warn' },
} as const;

export const KIND_LOOKS: Readonly<Record<string, KindLook>> = {
  client: { icon: ClientIcon, live: 'client', cells: false, badges: ['rps', 'p99', 'errors'], extras: {} },
  gateway: { icon: GatewayIcon, live: 'node', cells: true, badges: SERVING, extras: SESSIONS },
  service: { icon: ServiceIcon, live: 'node', cells: true, badges: SERVING, extras: SESSIONS },
  database: { icon: DatabaseIcon, live: 'node', cells: true, badges: SERVING, extras: SESSIONS },
  cache: { icon: CacheIcon, live: 'node', cells: false, badges: PLAIN, extras: { hitRatio: HIDDEN, evictions: { word: 'evicted' } }, gauge: HitRatioBar },
  function: {
    icon: FunctionIcon, live: 'node', cells: false, badges: PLAIN, gauge: EnvironmentCells,
    extras: {
      initialising: HIDDEN, concurrency: HIDDEN, warm: HIDDEN,
      coldStarts: { word: 'cold starts' }, coldStartsPerS: { word: 'cold/s', tone: 'warn' }, throttles: { word: 'throttled', tone: 'warn' },
    },
  },
  registry: { icon: RegistryIcon, live: 'node', cells: false, badges: PLAIN, extras: {} },
  queue: { icon: QueueIcon, live: 'node', cells: false, badges: FLOWING, extras: { ...BROKER, depth: HIDDEN }, gauge: QueueDepth },
  topic: {
    icon: TopicIcon, live: 'node', cells: false, badges: FLOWING,
    extras: { ...BROKER, depth: HIDDEN, inFlight: HIDDEN, oldestAgeMs: HIDDEN }, detail: SubscriberBacklog,
  },
  saga: { icon: SagaIcon, live: 'node', cells: false, badges: PLAIN, extras: { completed: { word: 'done' }, compensated: { word: 'undone' }, stuck: { tone: 'bad' } } },
};

/** A kind the table does not know: its name, numbers and whatever it reports, no cells. */
export const GENERIC_LOOK: KindLook = { icon: GenericIcon, live: 'node', cells: false, badges: PLAIN, extras: {} };

export const lookOf = (kind: string): KindLook => KIND_LOOKS[kind] ?? GENERIC_LOOK;

/** A kind's icon, wherever the page names a kind (palette, inspector). */
export function KindIcon({ kind }: { kind: string }) {
  const Icon = lookOf(kind).icon;
  return <Icon />;
}
