// The what-if timeline (issue 10): one scenario on every day of a range, and why its answer changes.
export {
  answerJa,
  answerOn,
  changedParts,
  checkRange,
  DEFAULT_WHATIF_RANGE,
  runAt,
  UNAVAILABLE_JA,
  whatIf,
  WHATIF_MAX_DAYS,
  type DayAnswer,
  type WhatIf,
  type WhatIfRange,
} from './strip';
