import { useCallback } from 'react';
import { kindOf } from '../../../engine/kinds';
import { useStore } from '../../../store';
import { updateNode } from '../../../store/scenarioActions';
import type { Scenario } from '../../../store/types';
import { KindIcon } from '../../canvas/nodes/kindLooks';
import { ElementActions } from './ElementActions';
import { fieldsOf } from './fieldSpec';
import { SchemaForm } from './SchemaForm';
import { useLockedAt } from './LockedField';
import { useFormEditor } from './useFormEditor';
import { checkNode } from './validate';
import { Calls } from './Calls';
import { customFieldsFor } from './customFields';
import { TextField } from './fields';
import { NodeProblems } from './NodeProblems';

type Node = Scenario['nodes'][number];
const SKIP = new Set(['id', 'kind', 'position']);

export function NodeInspector({ node, index }: { node: Node; index: number }) {
  const def = kindOf(node.kind);
  const check = useCallback((c: Node) => checkNode(useStore.getState().scenario, index, c), [index]);
  const commit = useCallback((v: Node) => updateNode(node.id, v), [node.id]);
  const lockedAt = useLockedAt(`nodes.${node.id}`);
  const { errors, onEdit } = useFormEditor(node, check, commit);
  return (
    <section className="mc-inspector__body" aria-label={`Settings of ${node.id}`}>
      <header className="mc-inspector__head">
        <KindIcon kind={node.kind} />
        <div>
          <h3>{node.label ?? node.id}</h3>
          <p className="mc-muted">{def?.title ?? node.kind} · id <code>{node.id}</code></p>
        </div>
      </header>
      {errors[''] && <p className="mc-field__error" role="alert">{errors['']}</p>}
      <NodeProblems id={node.id} kind={node.kind} />
      <ElementActions target={{ type: 'node', id: node.id, kind: node.kind }} />
      <TextField label="id" value={node.id} onEdit={() => undefined} optional={false} readOnly description="Ids are fixed once made; edges and routes refer to them" />
      {def && <SchemaForm fields={fieldsOf(def.schema)} value={node} errors={errors} onEdit={onEdit} skip={SKIP} custom={customFieldsFor(node.kind)} lockedAt={lockedAt} />}
      {def?.canCall && <Calls from={node.id} />}
      {Object.entries(errors).filter(([k]) => k.startsWith('(')).map(([k, m]) => <p key={k} className="mc-field__error" role="alert">{k}: {m}</p>)}
    </section>
  );
}
