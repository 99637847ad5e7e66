/**
 * The replay module, loaded after the first screen as one chunk: the history keeper that
 * start-up switches on and the timeline that draws it.
 */
export { startReplay } from '../../../store/replay/replayController';
export { Timeline } from './Timeline';
