/** The presenter's notes window: a page of its own, with none of the editor or the engine. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { NotesWindow } from './ui/present/NotesWindow';
import './styles/theme.css';
import './styles/notes.css';

document.documentElement.dataset.theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <NotesWindow />
  </StrictMode>,
);
