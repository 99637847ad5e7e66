import { AppShell } from './ui/app/AppShell';

export function App() {
  return <AppShell />;
}
