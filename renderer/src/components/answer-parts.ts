// The desk's answer panel, handed by App to the history view (loaded later) through a context:
// the view shows a recorded check with the very same components, without importing the desk's
// module — which would split the desk's first load into more chunks (scripts/bundle.test.ts).
import { createContext } from 'react';
import type { copyTellPatient, printSlip } from './answer-actions';
import type { AnswerDetails, VerdictWords } from './AnswerPanel';

export const AnswerParts = createContext<{
  VerdictWords: typeof VerdictWords;
  AnswerDetails: typeof AnswerDetails;
  copyTellPatient: typeof copyTellPatient;
  printSlip: typeof printSlip;
} | null>(null);
