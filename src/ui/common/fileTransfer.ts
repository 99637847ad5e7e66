/** Getting text out of the page: onto the clipboard, into the address bar, or as a file. */

/** Copies text; false when the page may not (no permission, or no clipboard). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Puts a link's hash in the address bar and the whole link on the clipboard; false when only the address bar has it. */
export async function putLink(hash: string): Promise<boolean> {
  history.replaceState(null, '', hash);
  return copyText(location.href);
}

/** Saves text as a file the browser downloads. */
export function download(name: string, text: string, type = 'application/json'): void {
  downloadBlob(name, new Blob([text], { type }));
}

/** Saves a blob (a picture, a file already made) under a name. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
