import type { KindDeploy } from '../deploy';
import type { SagaNode } from './schema';

/** A saga orchestrator is the team's own code: its steps are a note. */
export const sagaDeploy: KindDeploy<SagaNode> = {
  runtime: () => 'app',
  notes: (n, words) => [`Saga orchestrator (application code): ${n.steps.map((s, i) => `${i + 1}. ${s.call}${s.compensate ? ` (undo: ${s.compensate})` : ''}`).join(', ')}; each compensation tried ${n.maxCompensationAttempts} times, ${words.spoken(n.compensationBackoffMs)} apart${n.pivot !== undefined ? `; steps after step ${n.pivot + 1} are retried, not compensated` : ''}.`],
};
