/**
 * Small inline icons (no icon font, no network). Each kind has its own silhouette so a node
 * reads without colour; icons are decorative (aria-hidden), the text beside them names things.
 */
import type { ReactElement } from 'react';

const P = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

function Svg({ children, size = 18 }: { children: ReactElement | ReactElement[]; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
      {children}
    </svg>
  );
}

export const ClientIcon = () => <Svg><circle cx="8" cy="8" r="3" {...P} /><circle cx="16.5" cy="9" r="2.5" {...P} /><path d="M2.5 19c.8-3.5 3-5 5.5-5s4.7 1.5 5.5 5M13.5 14.5c2.8-.6 6 .5 7 4.5" {...P} /></Svg>;
export const GatewayIcon = () => <Svg><path d="M12 2.5 20.5 7v10L12 21.5 3.5 17V7z" {...P} /><path d="M8 12h8M13 9l3 3-3 3" {...P} /></Svg>;
export const ServiceIcon = () => <Svg><path d="M12 2.5 20.5 7v10L12 21.5 3.5 17V7z" {...P} /><path d="M3.5 7 12 11.5 20.5 7M12 11.5v10" {...P} /></Svg>;
export const DatabaseIcon = () => <Svg><ellipse cx="12" cy="5.5" rx="7.5" ry="3" {...P} /><path d="M4.5 5.5v13c0 1.7 3.4 3 7.5 3s7.5-1.3 7.5-3v-13M4.5 12c0 1.7 3.4 3 7.5 3s7.5-1.3 7.5-3" {...P} /></Svg>;
export const RegistryIcon = () => <Svg><path d="M5 3.5h12.5a1.5 1.5 0 0 1 1.5 1.5v15.5H6.5A1.5 1.5 0 0 1 5 19z" {...P} /><path d="M9 8h6M9 12h6M9 16h3" {...P} /></Svg>;
export const QueueIcon = () => <Svg><rect x="2.5" y="7" width="19" height="10" rx="2" {...P} /><path d="M7 7v10M11.5 7v10M16 7v10" {...P} /></Svg>;
export const TopicIcon = () => <Svg><circle cx="5" cy="12" r="2.5" {...P} /><path d="M7.5 12h4M11.5 12 19 5M11.5 12H19M11.5 12l7.5 7" {...P} /></Svg>;
export const SagaIcon = () => <Svg><path d="M3 18h5v-5h5V8h5V3" {...P} /><path d="M18 21v-4h3" {...P} /></Svg>;
export const GenericIcon = () => <Svg><rect x="3.5" y="3.5" width="17" height="17" rx="3" {...P} /><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5v.7M12 17v.1" {...P} /></Svg>;

export const PlayIcon = () => <Svg><path d="M7 4.5v15l12-7.5z" fill="currentColor" /></Svg>;
export const PauseIcon = () => <Svg><path d="M7 4.5h3.5v15H7zM13.5 4.5H17v15h-3.5z" fill="currentColor" /></Svg>;
export const StepIcon = () => <Svg><path d="M5 5v14l9-7z" fill="currentColor" /><path d="M17 5v14" {...P} strokeWidth={2.5} /></Svg>;
export const ResetIcon = () => <Svg><path d="M4 12a8 8 0 1 0 2.5-5.8M4 4v4.5h4.5" {...P} /></Svg>;
export const UndoIcon = () => <Svg><path d="M9 5 4 10l5 5M4 10h10a6 6 0 0 1 0 12h-3" {...P} /></Svg>;
export const RedoIcon = () => <Svg><path d="m15 5 5 5-5 5M20 10H10a6 6 0 0 0 0 12h3" {...P} /></Svg>;
export const LinkIcon = () => <Svg><path d="M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4L12 5.6M14 10a4.5 4.5 0 0 0-6.4 0l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2" {...P} /></Svg>;
export const NewIcon = () => <Svg><path d="M6 2.5h8l4.5 4.5v14.5H6z" {...P} /><path d="M14 2.5V7h4.5M12 11v6M9 14h6" {...P} /></Svg>;
export const ImportIcon = () => <Svg><path d="M12 3v12M7 10l5 5 5-5M4 19h16" {...P} /></Svg>;
export const ExportIcon = () => <Svg><path d="M12 15V3M7 8l5-5 5 5M4 19h16" {...P} /></Svg>;
export const SunIcon = () => <Svg><circle cx="12" cy="12" r="4" {...P} /><path d="M12 2v2M12 20v2M2 12h2M20 12h2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" {...P} /></Svg>;
export const MoonIcon = () => <Svg><path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" {...P} /></Svg>;
export const ProjectorIcon = () => <Svg><rect x="2.5" y="7" width="19" height="10" rx="2" {...P} /><circle cx="16" cy="12" r="2.5" {...P} /><path d="M6 12h5" {...P} /></Svg>;
export const LayoutIcon = () => <Svg><rect x="3" y="3" width="7" height="7" rx="1.5" {...P} /><rect x="14" y="14" width="7" height="7" rx="1.5" {...P} /><path d="M10 6.5h4a2 2 0 0 1 2 2V14" {...P} /></Svg>;
export const BoltIcon = () => <Svg><path d="M13 2 4 14h7l-1 8 9-12h-7z" {...P} /></Svg>;
export const FitIcon = () => <Svg><path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" {...P} /></Svg>;
export const MoreIcon = () => <Svg><circle cx="5" cy="12" r="1.6" fill="currentColor" /><circle cx="12" cy="12" r="1.6" fill="currentColor" /><circle cx="19" cy="12" r="1.6" fill="currentColor" /></Svg>;
/** A chevron pointing where the panel goes when pressed. */
export const ChevronIcon = ({ dir }: { dir: 'left' | 'right' | 'up' | 'down' }) => {
  const d = { left: 'm14 6-6 6 6 6', right: 'm10 6 6 6-6 6', up: 'm6 14 6-6 6 6', down: 'm6 10 6 6 6-6' }[dir];
  return <Svg size={14}><path d={d} {...P} strokeWidth={2.2} /></Svg>;
};
export const CloseIcon = () => <Svg size={16}><path d="M6 6l12 12M18 6 6 18" {...P} /></Svg>;

/** Circuit-breaker states drawn as a switch: closed conducts, open is broken, half-open ajar. */
export function BreakerIcon({ state }: { state: 'CLOSED' | 'OPEN' | 'HALF_OPEN' }) {
  const lever = state === 'CLOSED' ? 'M9 12h6' : state === 'OPEN' ? 'M9 12l5-6' : 'M9 12l6-3';
  return (
    <Svg size={16}>
      <path d="M2 12h5M17 12h5" {...P} />
      <circle cx="8" cy="12" r="1.6" fill="currentColor" />
      <circle cx="16" cy="12" r="1.6" fill="currentColor" />
      <path d={lever} {...P} strokeWidth={2.4} />
    </Svg>
  );
}
