/**
 * The Save entries of the toolbar's More menu. What they need (the picture library, the CSV
 * writer) loads when one is first chosen, not with the page.
 */
export type RunFile = 'canvas' | 'series' | 'report';

export const RUN_FILES: readonly { what: RunFile; label: string; noun: string }[] = [
  { what: 'canvas', label: 'Save canvas as PNG', noun: 'canvas picture' },
  { what: 'series', label: 'Save per-second series as CSV', noun: 'per-second series' },
  { what: 'report', label: 'Save report as JSON', noun: 'report' },
];

export function saveRunFile(what: RunFile): void {
  const noun = RUN_FILES.find((f) => f.what === what)?.noun ?? what;
  void import('./runFiles').then((m) => m.saveRunFile(what).catch((e: unknown) => m.failed(noun, e)));
}
