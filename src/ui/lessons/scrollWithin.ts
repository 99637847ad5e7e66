/**
 * Scrolls a panel so that `el` is at its top, below the panel's sticky title if it has one,
 * without scrolling anything around it: the page itself never scrolls (scrollIntoView would
 * move the whole app up the window).
 */
export function scrollWithin(panel: Element | null | undefined, el: Element | null | undefined): void {
  if (!panel || !el) return;
  const title = panel.querySelector(':scope > .mc-panel-title');
  const covered = title ? title.getBoundingClientRect().height : 0;
  const delta = el.getBoundingClientRect().top - panel.getBoundingClientRect().top - covered;
  panel.scrollTo?.({ top: panel.scrollTop + delta, behavior: 'smooth' });
}
