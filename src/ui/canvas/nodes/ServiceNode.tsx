import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { ServiceIcon } from '../../common/icons';
import type { FlowNode } from '../types';
import { StationNode } from './StationNode';

export const ServiceNode = memo(function ServiceNode({ id, data, selected }: NodeProps<FlowNode>) {
  return <StationNode id={id} kind={data.kind} label={data.label} selected={!!selected} icon={<ServiceIcon />} />;
});
