/** What the Share, Import and Export buttons do, shared by the toolbar and its More menu. */
import { MAX_SCENARIO_BYTES, parseScenarioText } from '../../scenario/parse';
import { useStore } from '../../store';
import { exportText, fileName, shareHash } from '../../store/persistence';
import { showNotice } from '../../store/uiActions';
import { openScenario } from '../persistence/openScenario';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no permission (or no clipboard): the link is still in the address bar
  }
}

export async function shareScenario(): Promise<void> {
  const hash = shareHash(useStore.getState().scenario);
  history.replaceState(null, '', hash);
  const copied = await copy(location.href);
  showNotice({ tone: 'info', title: copied ? 'Link copied' : 'Link ready in the address bar', lines: [`The whole scenario is in the link (${hash.length} characters); anyone who opens it gets this scenario.`] });
}

export function exportScenario(): void {
  const s = useStore.getState().scenario;
  const url = URL.createObjectURL(new Blob([exportText(s)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName(s);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function importScenarioFile(file: File | undefined): Promise<void> {
  if (!file) return;
  if (file.size > MAX_SCENARIO_BYTES) {
    showNotice({ tone: 'error', title: `${file.name} was not loaded: the current scenario is unchanged`, lines: [`(file): is larger than ${MAX_SCENARIO_BYTES} bytes`] });
    return;
  }
  await openScenario(parseScenarioText(await file.text()), file.name);
}
