import { useEffect } from 'react';
import { useStore } from '../../store';
import { togglePlay } from '../../store/runActions';
import { openChannel, type FromNotes, type PresenterPicture, type ToNotes } from './channel';
import { currentScript, nextBeat, previousBeat } from './presenter';
import { usePresent } from './presentState';
import { beatLabel } from './script';

function picture(): PresenterPicture {
  const s = useStore.getState();
  const { title, beats } = currentScript(s);
  const { cursor } = usePresent.getState();
  return {
    title,
    beats: beats.map((b) => ({ label: beatLabel(b), notes: b.notes })),
    shown: cursor.shown,
    fired: cursor.fired,
    simTimeMs: s.run.simTimeMs,
    running: s.run.status === 'running',
  };
}

/**
 * Keeps the notes window (if one is open) in step: a picture on every change of the script's
 * place or the run's status, and on each new simulated second; the window's keys come back
 * here as the presenter's own.
 */
export function useNotesChannel(): void {
  useEffect(() => {
    const ch = openChannel();
    if (!ch) return;
    const post = (m: ToNotes) => ch.postMessage(m);
    const sendPicture = () => post({ type: 'picture', picture: picture() });
    ch.onmessage = (e: MessageEvent<FromNotes>) => {
      if (e.data.type === 'hello') sendPicture();
      else if (e.data.type === 'next') nextBeat();
      else if (e.data.type === 'back') previousBeat();
      else if (e.data.type === 'toggle') togglePlay();
    };
    const offPresent = usePresent.subscribe(sendPicture);
    const offRun = useStore.subscribe((s, prev) => {
      const second = (t: number) => Math.floor(t / 1000);
      if (s.run.status !== prev.run.status || second(s.run.simTimeMs) !== second(prev.run.simTimeMs) || s.scenario !== prev.scenario) sendPicture();
    });
    sendPicture();
    return () => {
      offPresent();
      offRun();
      post({ type: 'ended' });
      ch.close();
    };
  }, []);
}
