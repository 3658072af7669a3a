// The scenario and pack formats (SCENARIO.md): types, and validation of what people write.
export { PACK_FORMAT, SCENARIO_FORMAT } from './types';
export type { Coverage, DocOf, Myna, PresentedDocument, Scenario } from './types';
export { parseScenario } from './normalize';
export { parsePack, parseScenarioDocument } from './pack';
