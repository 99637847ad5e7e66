/**
 * The presenter's notes window and the presenter view talk over a BroadcastChannel: the
 * view posts a picture of where the script stands, the notes window asks for one when it
 * opens and sends the presenter's keys back. Plain data both ways.
 */
export const PRESENTER_CHANNEL = 'microcosm-presenter';

export interface NotesBeat {
  label: string;
  notes?: string;
}

export interface PresenterPicture {
  title: string;
  beats: NotesBeat[];
  shown: number;
  fired: number;
  simTimeMs: number;
  running: boolean;
}

export type ToNotes = { type: 'picture'; picture: PresenterPicture } | { type: 'ended' };
export type FromNotes = { type: 'hello' } | { type: 'next' } | { type: 'back' } | { type: 'toggle' };

export function openChannel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(PRESENTER_CHANNEL) : null;
}

/** The notes window: a page of its own (notes.html), small, with none of the editor. */
export function openNotesWindow(): Window | null {
  return window.open(new URL('notes.html', location.href).href, 'microcosm-notes', 'popup,width=720,height=640');
}
