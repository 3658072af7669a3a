// The observation format (shikaku-observation/1): what a desk saw and heard, for the rule book.
export type { Observation, ObservedCoverage, ObservedDocument } from './types';
export { observationInput, observationJson, parseObservations } from './schema';
export {
  mergeTerminalAnswer,
  type ShownCoverage,
  type TerminalAnswer,
  type TerminalCardResult,
  type TerminalNumberResult,
} from './terminal';
