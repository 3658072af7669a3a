// The what-if timeline (issue 10): one scenario on every day of a range, and why its answer changes.
export { DATED_EVENT_KINDS, datedEvents, type DatedEvent, type DatedEventKind } from './events';
export {
  answerJa,
  answerOn,
  changedParts,
  checkRange,
  DEFAULT_WHATIF_RANGE,
  runAt,
  UNAVAILABLE_JA,
  unavailableOn,
  whatIf,
  WHATIF_MAX_DAYS,
  type ChangedPart,
  type DayAnswer,
  type RangeCheck,
  type WhatIf,
  type WhatIfChange,
  type WhatIfRange,
  type WhatIfRun,
} from './strip';
