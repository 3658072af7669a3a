// The progress report: per trainee and per rule, over time, from SQLite. SVG charts with the
// same numbers in tables beside them (screen readers, print), the sessions with their result
// sheets, CSV export for Excel and a print layout.
import { useContext, useEffect, useState } from 'react';
import { PercentBarChart } from '../../components/charts/PercentBarChart';
import { PercentLineChart } from '../../components/charts/PercentLineChart';
import type { RuleId } from '../../../../shared/enums';
import { RULES } from '../../../../shared/rules';
import { WEAK_BELOW, weakRules } from '../../../../shared/trainer/score';
import { formatDateJa } from '../../../../shared/wareki';
import { useApp } from '../../store';
import type { Tone } from '../../tones';
import { downloadText, stampText } from './format';
import { ResultSheet } from './ResultSheet';
import { RuleAccuracyTable } from './RuleAccuracyTable';
import { WeakPracticeContext } from './weak-practice';

const pct = (n: number | null) => (n === null ? '—' : `${n}%`);
const dayLabel = (d: string) => `${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}`;
/** 「暫定的な取扱い (期限切れ…)」→「暫定的な取扱い」, at most 14 characters, for the chart's axis. */
const shortTitle = (t: string) => {
  const s = t.replace(/\s*\(.*\)$/, '');
  return s.length > 14 ? `${s.slice(0, 13)}…` : s;
};
/** A rule's bar: green from 80 %, amber from 50 %, red below. */
const accuracyTone = (p: number | null): Tone =>
  p === null ? 'interim' : p >= 80 ? 'ok' : p >= 50 ? 'declaration' : 'bad';

export function ProgressView() {
  const progress = useApp((s) => s.progress);
  const load = useApp((s) => s.loadProgress);
  const exportCsv = useApp((s) => s.exportProgressCsv);
  const loadResult = useApp((s) => s.loadSessionResult);
  const result = useApp((s) => s.sessionResult);
  const notify = useApp((s) => s.notify);
  const clinicName = useApp((s) => s.settings?.clinicName ?? '');
  const today = useApp((s) => s.info?.today ?? '');
  const [traineeId, setTraineeId] = useState<number | undefined>(undefined);
  const [showing, setShowing] = useState<number | null>(null);

  useEffect(() => {
    void load(traineeId);
  }, [load, traineeId]);

  if (showing !== null && result && result.session.id === showing) {
    return <ResultSheet r={result} closeLabel="成績に戻る" onClose={() => setShowing(null)} />;
  }
  if (!progress) return <p className="muted">読み込み中…</p>;

  const who =
    traineeId === undefined ? '研修生全員' : `${progress.trainees.find((t) => t.id === traineeId)?.name ?? ''} さん`;
  const download = async (kind: 'answers' | 'rules') => {
    const r = await exportCsv(kind, traineeId);
    if (!r) return;
    downloadText(r.filename, r.csv, 'text/csv;charset=utf-8');
    notify(`${r.rows.toLocaleString('ja-JP')} 行を CSV に書き出しました (${r.filename})`);
  };
  const bars = progress.rules.map((r) => ({
    label: `${r.rule} ${shortTitle(RULES[r.rule].title)}`,
    percent: r.percent,
    tone: accuracyTone(r.percent),
  }));
  // One trainee: a point per session (a training day often has several); everyone: a point per day.
  const perSession = traineeId !== undefined;
  const timeData = perSession
    ? [...progress.sessions]
        .reverse()
        .filter((s) => s.answered > 0)
        .map((s) => ({
          label: `${dayLabel(s.startedAt.slice(0, 10))} ${s.startedAt.slice(11, 16)} ${s.mode === 'exam' ? '試験' : '練習'}`,
          percent: s.score.percent,
          itemPercent: s.score.itemPercent,
        }))
    : progress.days.map((d) => ({ label: dayLabel(d.day), percent: d.percent, itemPercent: d.itemPercent }));

  return (
    <div className="progress-report" data-testid="progress">
      <div className="panel progress-controls no-print">
        <label className="field">
          <span className="field-label">研修生</span>
          <select
            className="input"
            name="trainee"
            aria-label="研修生"
            value={traineeId ?? ''}
            onChange={(e) => setTraineeId(e.target.value === '' ? undefined : Number(e.target.value))}
          >
            <option value="">全員</option>
            {progress.trainees.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" onClick={() => void download('answers')}>
          回答の一覧を CSV に
        </button>
        <button type="button" className="btn" onClick={() => void download('rules')}>
          ルール別の正答率を CSV に
        </button>
        <button type="button" className="btn" onClick={() => window.print()}>
          報告書を印刷
        </button>
      </div>

      {traineeId !== undefined && (
        <WeakRules
          trainee={progress.trainees.find((t) => t.id === traineeId)?.name ?? ''}
          rules={weakRules(progress.rules)}
        />
      )}

      <h2 className="progress-title">成績の報告 — {who}</h2>
      <p className="progress-sub muted">
        {clinicName}
        {clinicName && today && ' ・ '}
        {today && `作成日 ${formatDateJa(today)}`}
      </p>

      <section className="panel" aria-labelledby="progress-trainees-h">
        <h3 id="progress-trainees-h" className="panel-title">
          研修生
        </h3>
        {progress.trainees.length === 0 ? (
          <p className="muted">まだ記録がありません。「練習」か「試験」で始めると、ここに記録されます。</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">名前</th>
                <th scope="col">研修の回数</th>
                <th scope="col">回答した問題</th>
                <th scope="col">正答率</th>
                <th scope="col">最後の試験</th>
                <th scope="col">最後の記録</th>
              </tr>
            </thead>
            <tbody>
              {progress.trainees.map((t) => (
                <tr key={t.id} className={t.id === traineeId ? 'current-row' : undefined}>
                  <th scope="row">{t.name}</th>
                  <td>{t.sessions}</td>
                  <td>{t.answers}</td>
                  <td>{pct(t.percent)}</td>
                  <td>{t.lastExam ? `${t.lastExam.passed ? '○ 合格' : '× 不合格'} (${t.lastExam.percent}%)` : '—'}</td>
                  <td>{t.lastAt ? stampText(t.lastAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {progress.days.length > 0 && (
        <div className="progress-charts">
          <section className="panel" aria-labelledby="progress-days-h">
            <h3 id="progress-days-h" className="panel-title">
              {perSession ? '研修ごとの正答率' : '日ごとの正答率'}
            </h3>
            <PercentLineChart
              label={`${perSession ? '研修ごと' : '日ごと'}の正答率の折れ線グラフ: ${timeData.map((d) => `${d.label} ${d.percent}%`).join('、')}`}
              labels={timeData.map((d) => d.label)}
              series={[
                { name: '問題の正答率 (問われた項目がすべて正解)', values: timeData.map((d) => d.percent) },
                { name: '項目ごとの正答率', values: timeData.map((d) => d.itemPercent) },
              ]}
            />
            <table className="data-table data-table-small">
              <caption className="visually-hidden">日ごとの正答率</caption>
              <thead>
                <tr>
                  <th scope="col">日付</th>
                  <th scope="col">回答</th>
                  <th scope="col">正解</th>
                  <th scope="col">正答率</th>
                  <th scope="col">項目の正答率</th>
                  <th scope="col">平均時間</th>
                </tr>
              </thead>
              <tbody>
                {progress.days.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{d.day}</th>
                    <td>{d.answers}</td>
                    <td>{d.correct}</td>
                    <td>{d.percent}%</td>
                    <td>{d.itemPercent}%</td>
                    <td>{d.meanSeconds} 秒</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section className="panel" aria-labelledby="progress-rules-h">
            <h3 id="progress-rules-h" className="panel-title">
              ルール別の正答率
            </h3>
            <PercentBarChart
              label={`ルール別の正答率の棒グラフ: ${progress.rules.map((r) => `${r.rule} ${pct(r.percent)}`).join('、')}`}
              bars={bars}
            />
            <RuleAccuracyTable
              rules={progress.rules}
              className="data-table data-table-small"
              caption={<caption className="visually-hidden">ルール別の正答率</caption>}
              extra={{
                header: '推移 (日ごと)',
                cell: (r) => (
                  <td className="trend">
                    {progress.days
                      .filter((d) => d.rules[r.rule] !== undefined)
                      .map((d) => `${dayLabel(d.day)} ${d.rules[r.rule]}%`)
                      .join(' → ')}
                  </td>
                ),
              }}
            />
          </section>
        </div>
      )}

      <section className="panel" aria-labelledby="progress-sessions-h">
        <h3 id="progress-sessions-h" className="panel-title">
          研修の記録 (新しい順)
        </h3>
        {progress.sessions.length === 0 ? (
          <p className="muted">記録はまだありません。</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">開始</th>
                <th scope="col">研修生</th>
                <th scope="col">区分</th>
                <th scope="col">パック</th>
                <th scope="col">正解 / 問題</th>
                <th scope="col">得点</th>
                <th scope="col">合否</th>
                <th scope="col" className="no-print">
                  結果表
                </th>
              </tr>
            </thead>
            <tbody>
              {progress.sessions.map((s) => (
                <tr key={s.id}>
                  <td>{stampText(s.startedAt)}</td>
                  <td>{s.traineeName}</td>
                  <td>{s.mode === 'exam' ? '試験' : '練習'}</td>
                  <td>{s.packTitle}</td>
                  <td>
                    {s.score.correct} / {s.questions}
                    {s.endedAt === null && ' (途中)'}
                  </td>
                  <td>{s.score.percent}%</td>
                  <td>{s.passed === null ? '—' : s.passed ? '○ 合格' : '× 不合格'}</td>
                  <td className="no-print">
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={s.mode === 'exam' && s.endedAt === null}
                      aria-label={`${s.traineeName} さんの${s.mode === 'exam' ? '試験' : '練習'} (${stampText(s.startedAt)}) の結果表`}
                      onClick={async () => {
                        await loadResult(s.id);
                        setShowing(s.id);
                      }}
                    >
                      結果表
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

/** One trainee's weak rules (below WEAK_BELOW %) and 「苦手なルールだけ練習」, which opens the practice with only them. */
function WeakRules({ trainee, rules }: { trainee: string; rules: RuleId[] }) {
  const practise = useContext(WeakPracticeContext).choose;
  return (
    <section className="panel weak-rules no-print" aria-labelledby="weak-rules-h" data-testid="weak-rules">
      <h3 id="weak-rules-h" className="panel-title">
        苦手なルール (正答率 {WEAK_BELOW}% 未満)
      </h3>
      {rules.length === 0 ? (
        <p className="muted">ありません。</p>
      ) : (
        <>
          <p>{rules.map((r) => `${r} ${RULES[r].title}`).join('、')}</p>
          <button type="button" className="btn btn-primary" onClick={() => practise({ traineeName: trainee, rules })}>
            苦手なルールだけ練習
          </button>
        </>
      )}
    </section>
  );
}
