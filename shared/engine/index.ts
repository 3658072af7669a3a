export { decide, decideWithTrace, copayPercent, mergePolicy, type DecisionTrace } from './decide';
export { returnsGuidance, type ReturnsGuidance } from './returns';
export { compareExpected, type Mismatch } from './compare';
export type { CardRoute, NumberQuery, OnlineCheck } from './online';
export { agePeriods, coverageStates, certGraceEnd, type AgePeriods, type CoverageState } from './truth';
