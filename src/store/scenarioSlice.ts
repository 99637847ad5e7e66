import { defaultScenario } from './defaultScenario';
import type { Scenario } from './types';

export interface ScenarioSlice {
  scenario: Scenario;
}

/** Initial data of the slice; its actions are module functions (see actions files). */
export const createScenarioSlice = (): ScenarioSlice => ({
  scenario: defaultScenario(),
});
