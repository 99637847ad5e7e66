/**
 * The embedded view's page (embed.html; `?embed=1` on the playground's address comes here):
 * the scenario from the link, the engine, and the read-only view. Nothing of the editor
 * (palette, inspector, lessons, files, export) is loaded.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useStore } from './store';
import { attachEngine, onWorkerMessage } from './store/engineBridge';
import { problemLines, scenarioFromHash, shareHash } from './store/persistence';
import { play, reset } from './store/runActions';
import { showNotice } from './store/uiActions';
import { withLayout } from './ui/canvas/autoLayout';
import { embedOptions, playgroundBase } from './ui/embed/embedLink';
import { EmbedView } from './ui/embed/EmbedView';
import { createEngineClient } from './worker/engineClient';
import './styles/theme.css';
import './styles/app.css';
import './styles/embed.css';

function fail(title: string, lines: string[]) {
  document.getElementById('root')!.innerHTML = '';
  const main = document.createElement('main');
  main.className = 'mc-embed__failed';
  const h = document.createElement('h1');
  h.textContent = title;
  main.append(h, ...lines.map((l) => Object.assign(document.createElement('p'), { textContent: l })));
  document.getElementById('root')!.append(main);
}

async function start() {
  const theme = new URLSearchParams(location.search).get('theme');
  document.documentElement.dataset.theme = theme === 'dark' || theme === 'light' ? theme : useStore.getState().ui.theme;
  document.documentElement.dataset.projector = 'off';
  document.documentElement.dataset.embed = 'on';
  const link = scenarioFromHash(location.hash);
  if (!link) return fail('This embedded view has no scenario', ['Its link should end with #s=… as a Share link does.']);
  if (!link.ok) return fail('The scenario in this link was not loaded', problemLines(link));
  const options = embedOptions(location.search);
  const scenario = await withLayout(link.scenario);
  useStore.setState((s) => {
    s.scenario = scenario;
    if (theme === 'dark' || theme === 'light') s.ui.theme = theme;
  });
  if (options.unknownPanels.length > 0) {
    showNotice({ tone: 'error', title: 'Some charts in the link are unknown', lines: [`panels: ${options.unknownPanels.join(', ')} (known: clients, errors, cost, node, breakers)`] });
  }
  attachEngine(createEngineClient(onWorkerMessage));
  reset(false);
  if (options.autoplay) play();
  const openHref = `${playgroundBase(location.href)}${shareHash(scenario)}`;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <EmbedView panels={options.panels} openHref={openHref} />
    </StrictMode>,
  );
}

void start();
