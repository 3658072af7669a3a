// Each public programme of the decision (R21–R24: 難病, 小児慢性, 自立支援, 医療証, 医療扶助) in one
// line: applied or not, and how it was confirmed or why it was not — in words and a symbol, not
// colour alone. Shared by the desk, 受付ナビ and the trainer's answer.
import type { PublicExpense } from '../../../shared/decision';
import { PROGRAM_JA, PUBLIC_EXPENSE_BASIS_JA, PUBLIC_EXPENSE_REASON_JA } from '../../../shared/labels';

export function PublicExpenseList({ items }: { items: readonly PublicExpense[] }) {
  return (
    <ul className="public-expense">
      {items.map((p) => (
        <li
          key={`${p.program} ${p.kohi ?? ''}`}
          className={p.applied ? 'pe-applied' : 'pe-not-applied'}
          data-program={p.program}
          data-applied={p.applied}
        >
          <span className="pe-mark" aria-hidden="true">
            {p.applied ? '○' : '×'}
          </span>
          <strong className="pe-name">{PROGRAM_JA[p.program]}</strong>
          <span className="pe-state">{p.applied ? '適用' : '適用しない'}</span>
          <span className="pe-why">
            {p.applied
              ? p.basis !== null && PUBLIC_EXPENSE_BASIS_JA[p.basis]
              : p.reason !== null && PUBLIC_EXPENSE_REASON_JA[p.reason]}
          </span>
        </li>
      ))}
    </ul>
  );
}
