// The engine in two stages: observe (the simulation: a scenario's truth → what a desk could see)
// and decide (the rule book: an observation → a decision). decideScenario = decide ∘ observe.
export { decide } from './decide';
export { decideScenario, decideWithTrace, observe, type DecisionTrace } from './observe';
export { agePeriods, copayPercent } from './age';
export { compareExpected, type Mismatch } from './compare';
export { coverageStates } from './truth';
