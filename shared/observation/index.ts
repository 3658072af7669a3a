// The observation format (shikaku-observation/1): what a desk saw and heard, for the rule book.
export { OBSERVATION_FORMAT } from './types';
export type { Hindsight, NumberAnswer, Observation, ObservedCard, ObservedCoverage, ObservedDocument } from './types';
export { observationJson, parseObservations, type ObservationParse } from './schema';
export {
  mergeTerminalAnswer,
  type ShownCoverage,
  type TerminalAnswer,
  type TerminalCardResult,
  type TerminalNumberResult,
} from './terminal';
