import { useEffect } from 'react';
import { useStore } from '../../store';
import { selectNotice } from '../../store/selectors';
import { showNotice } from '../../store/uiActions';
import { CloseIcon } from './icons';

/** Messages are text nodes only: names from files and links never become HTML. */
export function Notice() {
  const notice = useStore(selectNotice);
  useEffect(() => {
    if (notice?.tone !== 'info') return;
    const t = setTimeout(() => showNotice(null), 6000);
    return () => clearTimeout(t);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className={`mc-notice mc-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
      <div className="mc-notice__body">
        <strong>{notice.tone === 'error' ? '✖ ' : 'ℹ '}{notice.title}</strong>
        {notice.lines.length > 0 && <ul>{notice.lines.map((l, i) => <li key={i}>{l}</li>)}</ul>}
      </div>
      <button type="button" className="mc-btn mc-btn--small" onClick={() => showNotice(null)} aria-label="Dismiss message"><CloseIcon /></button>
    </div>
  );
}
