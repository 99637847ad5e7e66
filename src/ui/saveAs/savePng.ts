/**
 * Pictures out of the page: an element as a PNG. html-to-image (and the work it does) loads
 * only when someone saves a picture, never with the page. It is pinned at 1.11.11: in the
 * versions after it, React Flow's edges (each an svg of its own, drawn outside its box) are
 * missing from the picture.
 */
import { SKIP_IN_PICTURE } from './chartPictures';

export interface PictureOptions {
  /** Size of the picture in CSS pixels (default: the element's own). */
  width?: number;
  height?: number;
  /** Styles put on the copied element only (the canvas moves its drawing into view this way). */
  style?: Partial<CSSStyleDeclaration>;
}

/** The page's background colour now (theme), so a picture is not transparent where the page is not. */
function pageBackground(): string {
  const bg = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim();
  return bg || getComputedStyle(document.body).backgroundColor || '#ffffff';
}

export async function elementPng(node: HTMLElement, o: PictureOptions = {}): Promise<Blob> {
  const { toBlob } = await import('html-to-image');
  const blob = await toBlob(node, {
    backgroundColor: pageBackground(),
    pixelRatio: Math.max(2, window.devicePixelRatio || 1),
    width: o.width,
    height: o.height,
    style: o.style,
    filter: (n) => !(n instanceof Element && n.hasAttribute(SKIP_IN_PICTURE)),
  });
  if (!blob) throw new Error('the browser made no picture');
  return blob;
}
