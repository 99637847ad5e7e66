import type { ReactElement } from 'react';
import { CacheIcon, ClientIcon, FunctionIcon, DatabaseIcon, GatewayIcon, GenericIcon, QueueIcon, RegistryIcon, SagaIcon, ServiceIcon, TopicIcon } from '../common/icons';

const ICONS: Record<string, () => ReactElement> = {
  client: ClientIcon, gateway: GatewayIcon, service: ServiceIcon, database: DatabaseIcon,
  cache: CacheIcon, function: FunctionIcon, registry: RegistryIcon, queue: QueueIcon, topic: TopicIcon, saga: SagaIcon,
};

export function KindIcon({ kind }: { kind: string }) {
  const Icon = ICONS[kind] ?? GenericIcon;
  return <Icon />;
}
