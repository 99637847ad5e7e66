import type { Figure } from './types';

/** What judging one check gives, before it is named after its goal. */
export interface Outcome {
  status: 'pass' | 'fail' | 'pending';
  actual: Figure;
  limit: Figure;
  op: string;
  brokeAtMs?: number;
  message: string;
  /** The check could not be judged (a missing path, a window without points); status is then 'fail'. */
  error?: string;
}

export const errorOutcome = (error: string, op = ''): Outcome => ({ status: 'fail', actual: null, limit: null, op, message: error, error });
