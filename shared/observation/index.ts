// The observation format (shikaku-observation/1): what a desk saw and heard, for the rule book.
export type { Observation } from './types';
export { observationJson, parseObservations } from './schema';
