/**
 * Commands shared by the toolbar and the keyboard: one list, so a shortcut and its button
 * can never disagree about what they do.
 */
import { redo, undo } from '../../store';
import { setCourseOpen } from '../../store/lessonActions';
import { reset, step, togglePlay } from '../../store/runActions';
import { selectAllNodes } from '../../store/uiActions';
import { newScenario } from '../persistence/newScenario';
import { openExport } from '../export/exportDialogState';

export interface Command {
  id: string;
  label: string;
  /** Shown in tooltips, e.g. "Space". */
  shortcut?: string;
  /** Whether a keydown triggers the command. */
  keyTest?: (e: KeyboardEvent) => boolean;
  perform: () => void;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;

export const COMMANDS: Command[] = [
  { id: 'togglePlay', label: 'Play or pause', shortcut: 'Space', keyTest: (e) => e.key === ' ' && !mod(e) && !e.altKey, perform: togglePlay },
  { id: 'step', label: 'Step one simulated second', shortcut: '.', keyTest: (e) => e.key === '.' && !mod(e), perform: step },
  { id: 'reset', label: 'Reset the run to time 0', perform: () => reset(false) },
  { id: 'undo', label: 'Undo', shortcut: 'Ctrl+Z', keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z', perform: undo },
  { id: 'lessons', label: 'Lessons: challenges checked by the simulator', perform: () => setCourseOpen(true) },
  { id: 'exportDeployment', label: 'Export deployment files: Docker Compose, Kubernetes, Istio', perform: () => openExport() },
  { id: 'redo', label: 'Redo', shortcut: 'Ctrl+Shift+Z', keyTest: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'), perform: redo },
  { id: 'newScenario', label: 'New empty scenario', perform: newScenario },
  { id: 'selectAll', label: 'Select all nodes', shortcut: 'Ctrl+A', keyTest: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'a', perform: selectAllNodes },
];

export const command = (id: string): Command => {
  const c = COMMANDS.find((x) => x.id === id);
  if (!c) throw new Error(`no command "${id}"`);
  return c;
};

/** A button's tooltip: its words (the command's label unless it says more), then the key. */
export const tooltip = (c: Command, words = c.label): string => (c.shortcut ? `${words} (${c.shortcut})` : words);

/** Where text is typed: every key belongs to the field, its own undo and the space included. */
const TYPES_TEXT = 'input:not([type=button],[type=checkbox],[type=radio],[type=range],[type=submit],[type=reset],[type=color],[type=file]), textarea, [contenteditable]:not([contenteditable=false])';
/**
 * Controls that plain keys operate (Space presses a button or a menu item, moves a slider, picks
 * an option): they keep plain keys, but a Ctrl shortcut such as undo still reaches the page.
 */
const TAKES_PLAIN_KEYS = 'button, a[href], summary, input, select, [role=button], [role=menuitem], [role=menuitemcheckbox], [role=menuitemradio], [role=option], [role=tab], [role=checkbox], [role=switch], [role=radio], [role=slider], [role=spinbutton]';

/** The command a key press asks for, unless the element with focus uses that key itself. */
export function commandForKey(e: KeyboardEvent): Command | undefined {
  if (e.isComposing) return undefined;
  const c = COMMANDS.find((x) => x.keyTest?.(e));
  if (!c) return undefined;
  const t = e.target as Element | null;
  if (t && typeof t.closest === 'function') {
    if (t.closest(TYPES_TEXT)) return undefined;
    if (!mod(e) && t.closest(TAKES_PLAIN_KEYS)) return undefined;
  }
  return c;
}
