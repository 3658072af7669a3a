// 「苦手なルールだけ練習」: the progress report hands a trainee's weak rules to the practice form.
// TrainerView keeps them (they live only while the trainer is open) and provides them here.
import { createContext } from 'react';
import type { RuleId } from '../../../../shared/enums';

export interface WeakPractice {
  traineeName: string;
  rules: RuleId[];
}

export const WeakPracticeContext = createContext<{
  preset: WeakPractice | null;
  /** opens the practice form with these rules (null: the whole pack again) */
  choose(preset: WeakPractice | null): void;
}>({ preset: null, choose: () => undefined });
