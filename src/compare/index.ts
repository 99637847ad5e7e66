/** Comparing two variants of a scenario over seeds: the same logic for the CLI and the page. */
export { measuresOf, type Measure, type MeasureDef, type Unit } from './measures';
export { recoveryS } from './recovery';
export { diffRows, type DiffRow } from './diff';
export { estimate, pairedDifference, isNoise, t95, type Estimate } from './stats';
export { fmtEstimate, fmtSigned, fmtValue } from './format';
