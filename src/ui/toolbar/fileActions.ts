/** What the Share, Import and Export buttons do, shared by the toolbar and its More menu. */
import { MAX_SCENARIO_BYTES, parseScenarioText } from '../../scenario/parse';
import { useStore } from '../../store';
import { exportText, fileName, shareHash } from '../../store/persistence';
import { showNotice } from '../../store/uiActions';
import { download, putLink } from '../common/fileTransfer';
import { openScenario } from '../persistence/openScenario';
import { openShare } from '../share/shareDialogState';

export async function shareScenario(): Promise<void> {
  const hash = shareHash(useStore.getState().scenario);
  // The link goes to the address bar and the clipboard at once, as before the dialog; the
  // dialog offers it again with the embed for slides.
  openShare(await putLink(hash));
}

export function exportScenario(): void {
  const s = useStore.getState().scenario;
  download(fileName(s), exportText(s));
}

export async function importScenarioFile(file: File | undefined): Promise<void> {
  if (!file) return;
  if (file.size > MAX_SCENARIO_BYTES) {
    showNotice({ tone: 'error', title: `${file.name} was not loaded: the current scenario is unchanged`, lines: [`(file): is larger than ${MAX_SCENARIO_BYTES} bytes`] });
    return;
  }
  await openScenario(parseScenarioText(await file.text()), file.name);
}
