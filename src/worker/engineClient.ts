/**
 * The page's handle on the engine worker: send commands, receive pictures. Kept behind a
 * small interface so component tests can swap in a fake that records what was sent.
 */
import type { FromWorker, ToWorker } from './protocol';

export interface EngineClient {
  send(msg: ToWorker): void;
  terminate(): void;
}

export function createEngineClient(onMessage: (msg: FromWorker) => void): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'microcosm-engine' });
  worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
  worker.onerror = (e) => onMessage({ type: 'error', message: e.message || 'the engine worker failed to start' });
  return { send: (msg) => worker.postMessage(msg), terminate: () => worker.terminate() };
}
