import type { KindDeploy } from '../deploy';
import type { FunctionNode } from './schema';

/** A function is the team's code in a container here; its notes say what Lambda would add. */
export const functionDeploy: KindDeploy<FunctionNode> = {
  runtime: () => 'app',
  notes: (n) => [`A serverless function in the simulation (AWS Lambda, ${n.memoryMb} MB${n.reservedConcurrency !== undefined ? `, reserved concurrency ${n.reservedConcurrency}` : ''}${n.provisionedConcurrency > 0 ? `, provisioned concurrency ${n.provisionedConcurrency}` : ''}): here a container; Knative Serving would scale it from zero per request as Lambda does.`],
};
