// The scenario and pack formats (SCENARIO.md): types, and validation of what people write.
export { PACK_FORMAT, SCENARIO_FORMAT } from './types';
export type { Coverage, DocOf, Myna, PresentedDocument, Scenario, ScenarioProgramme, Welfare } from './types';
export { parseScenario, type ScenarioParse } from './normalize';
export { parsePack, parseScenarioDocument, type DocumentParse } from './pack';
