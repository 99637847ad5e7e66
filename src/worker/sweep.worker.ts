import { runSweepJob, type FromSweepWorker, type SweepJob } from './sweepJobs';

// As in engine.worker.ts: the worker's global described by the little of it used here.
const scope = self as unknown as { postMessage(msg: FromSweepWorker): void; onmessage: ((e: MessageEvent<SweepJob>) => void) | null };

scope.onmessage = (e) => runSweepJob(e.data, (msg) => scope.postMessage(msg));
