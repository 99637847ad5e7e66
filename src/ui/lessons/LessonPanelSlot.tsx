import { lazy, Suspense, useState } from 'react';
import { useStore } from '../../store';
import type { AppState } from '../../store/types';

const Panel = lazy(() => import('./LessonPanel').then((m) => ({ default: m.LessonPanel })));

const selectInUse = (s: AppState) => s.lesson.open !== null || s.lesson.author !== null;

/**
 * Where the lesson panel goes: it loads when a lesson (or a lesson being made) first opens,
 * and stays mounted after, so that closing it still fits the canvas to the wider space.
 */
export function LessonPanel() {
  const inUse = useStore(selectInUse);
  const [loaded, setLoaded] = useState(inUse);
  if (inUse && !loaded) setLoaded(true);
  if (!loaded) return null;
  return (
    <Suspense fallback={null}>
      <Panel />
    </Suspense>
  );
}
