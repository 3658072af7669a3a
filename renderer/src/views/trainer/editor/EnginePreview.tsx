// What the engine decides for the draft as it stands (the answer trainees will be graded
// against), and whether the scenario's `expected` agrees; one click makes the decision the
// expected answer.
import { correctAnswer } from '../../../../../shared/trainer/grade';
import { RuleList } from '../../../components/RuleList';
import { VerdictBadge } from '../../../components/Verdict';
import { WhatIfSection } from '../../../components/whatif/WhatIfSection';
import { neededText } from '../format';
import { copayText } from '../../../../../shared/trainer/answer-text';
import type { DraftCheck } from './check';
import { useForm } from './fields';

export function EnginePreview({ check }: { check: DraftCheck }) {
  const form = useForm();
  const d = check.decision;
  const hasExpected = form.draft.expected !== undefined;
  return (
    <section className="field-group engine-preview" aria-labelledby="engine-preview-h">
      <h3 id="engine-preview-h">エンジンの判定</h3>
      {d ? (
        <>
          <p data-testid="editor-decision">
            <VerdictBadge verdict={d.verdict} /> 窓口負担 {copayText(d.copayPercent)} ・ 高齢受給者証{' '}
            {d.elderlyCardNeeded ? '必要' : '不要'} ・ まだ必要な書類 {neededText(d.documentsNeeded)}
          </p>
          <p className="explanation">{d.explanation}</p>
          <RuleList rules={d.rules} />
          {check.scenario && (
            <WhatIfSection
              scenario={check.scenario}
              selected={check.scenario.visitDate}
              selectedLabel="受診日"
              onChoose={(day) => form.set(['visitDate'], day)}
              chooseLabel="この日を受診日にする"
            />
          )}
          <div className="expected-row">
            {!hasExpected ? (
              <p className="muted">期待する判定 (expected) はありません。研修の採点はエンジンの判定で行います。</p>
            ) : check.mismatches.length === 0 ? (
              <p>期待する判定 (expected) はエンジンの判定と一致しています。</p>
            ) : (
              <p className="field-error" role="alert">
                期待する判定 (expected) がエンジンと違います: {check.mismatches.join(', ')}
              </p>
            )}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => form.set(['expected'], { ...correctAnswer(d), rules: d.rules })}
            >
              この判定を期待値にする
            </button>
            {hasExpected && (
              <button type="button" className="btn btn-small" onClick={() => form.set(['expected'], undefined)}>
                期待値を外す
              </button>
            )}
          </div>
        </>
      ) : (
        <p className="muted">入力の問題を直すと、ここにエンジンの判定が出ます。</p>
      )}
    </section>
  );
}
