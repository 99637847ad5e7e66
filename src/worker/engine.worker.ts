import { createRunLoop } from './runLoop';
import type { FromWorker, ToWorker } from './protocol';

// The app compiles with the DOM library, not the WebWorker one (the two clash), so the
// worker's global is described by the little of it used here.
const scope = self as unknown as { postMessage(msg: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };

// A MessageChannel hop yields to the message queue without setTimeout(0)'s clamping to 4 ms
// after nested calls, which matters at "as fast as possible".
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();

const loop = createRunLoop({
  post: (msg: FromWorker) => scope.postMessage(msg),
  nowMs: () => performance.now(),
  schedule: (fn, delayMs) => {
    if (delayMs <= 0) {
      queue.push(fn);
      channel.port2.postMessage(null);
    } else setTimeout(fn, delayMs);
  },
});

scope.onmessage = (e) => loop.handle(e.data);
