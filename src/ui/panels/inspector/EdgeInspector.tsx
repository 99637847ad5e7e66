import { useCallback } from 'react';
import { edgeKey, edgeSchema } from '../../../engine/calls/edgeSchema';
import { callWarnings } from '../../../scenario/crossChecks';
import { useStore } from '../../../store';
import { updateEdge } from '../../../store/scenarioActions';
import type { Scenario } from '../../../store/types';
import { ElementActions } from './ElementActions';
import { fieldsOf } from './fieldSpec';
import { SchemaForm } from './SchemaForm';
import { useLockedAt } from './LockedField';
import { useFormEditor } from './useFormEditor';
import { checkEdge } from './validate';

type Edge = Scenario['edges'][number];
const SKIP = new Set(['from', 'to']);

/**
 * The edge's fields come from the engine's edge schema, so resilience settings (retry,
 * circuit breaker, bulkhead, fallback) appear here as soon as the schema has them.
 */
export function EdgeInspector({ edge, index }: { edge: Edge; index: number }) {
  const key = edgeKey(edge.from, edge.to);
  const check = useCallback((c: Edge) => checkEdge(useStore.getState().scenario, index, c), [index]);
  const commit = useCallback((v: Edge) => updateEdge(key, v), [key]);
  const lockedAt = useLockedAt(`edges.${key}`);
  const { errors, onEdit } = useFormEditor(edge, check, commit);
  const warnings = callWarnings(edge);
  return (
    <section className="mc-inspector__body" aria-label={`Settings of the call ${key}`}>
      <header className="mc-inspector__head">
        <div>
          <h3>{edge.from} → {edge.to}</h3>
          <p className="mc-muted">A call from {edge.from} to {edge.to}</p>
        </div>
      </header>
      {errors[''] && <p className="mc-field__error" role="alert">{errors['']}</p>}
      {warnings.length > 0 && (
        <div className="mc-hint" role="status" aria-label={`${key} may not work as meant`}>
          <p className="mc-hint__title">Check this call</p>
          {warnings.map((w) => <p key={w}>{w}</p>)}
        </div>
      )}
      <ElementActions target={{ type: 'edge', id: key }} />
      <SchemaForm fields={fieldsOf(edgeSchema)} value={edge} errors={errors} onEdit={onEdit} skip={SKIP} lockedAt={lockedAt} />
    </section>
  );
}
