/**
 * Scrolls a panel so that `el` is at its top, without scrolling anything around it: the page
 * itself never scrolls (scrollIntoView would move the whole app up the window).
 */
export function scrollWithin(panel: Element | null | undefined, el: Element | null | undefined): void {
  if (!panel || !el) return;
  const delta = el.getBoundingClientRect().top - panel.getBoundingClientRect().top;
  panel.scrollTo?.({ top: panel.scrollTop + delta, behavior: 'smooth' });
}
