/** What the Share, Import and Export buttons do, shared by the toolbar and its More menu. */
import { MAX_SCENARIO_BYTES, parseScenarioText } from '../../scenario/parse';
import { useStore } from '../../store';
import { exportText, fileName, shareHash } from '../../store/persistence';
import { showNotice } from '../../store/uiActions';
import { download, putLink } from '../common/fileTransfer';
import { openScenario } from '../persistence/openScenario';

export async function shareScenario(): Promise<void> {
  const hash = shareHash(useStore.getState().scenario);
  const copied = await putLink(hash);
  showNotice({ tone: 'info', title: copied ? 'Link copied' : 'Link ready in the address bar', lines: [`The whole scenario is in the link (${hash.length} characters); anyone who opens it gets this scenario.`] });
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
