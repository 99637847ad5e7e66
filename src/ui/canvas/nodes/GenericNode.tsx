import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { GenericIcon } from '../../common/icons';
import type { FlowNode } from '../types';
import { StationNode } from './StationNode';

export const GenericNode = memo(function GenericNode({ id, data, selected }: NodeProps<FlowNode>) {
  return <StationNode id={id} kind={data.kind} label={data.label} selected={!!selected} icon={<GenericIcon />} cells={false} />;
});
