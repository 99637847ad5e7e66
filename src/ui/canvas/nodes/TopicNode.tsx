import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { TopicIcon } from '../../common/icons';
import type { FlowNode } from '../types';
import { StationNode } from './StationNode';

export const TopicNode = memo(function TopicNode({ id, data, selected }: NodeProps<FlowNode>) {
  return <StationNode id={id} kind={data.kind} label={data.label} selected={!!selected} icon={<TopicIcon />} cells={false} />;
});
