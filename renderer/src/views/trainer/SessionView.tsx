// Practice and exam. Start: the trainee's name, the pack, how many patients (and, for an exam, the
// seed that fixes the order; the pass mark comes from the trainer settings). Then one patient at a
// time: practice answers get feedback at once; an exam shows nothing until it has ended, then the
// result sheet. The time per answer runs from showing the patient to pressing 回答する.
import { useContext, useEffect, useId, useRef, useState } from 'react';
import type { SessionMode, TrainerSettings } from '../../../../shared/trainer/contract';
import { MAX_SEED } from '../../../../shared/trainer/order';
import { RULES } from '../../../../shared/rules';
import { useApp } from '../../store';
import type { NumberEntry } from '../../../../shared/trainer/grade';
import { AnswerForm } from './AnswerForm';
import { NumberEntryForm } from './NumberEntryForm';
import { FeedbackPanel } from './FeedbackPanel';
import { FeedbackWhatIf } from '../../components/whatif/FeedbackWhatIf';
import { QuestionCard } from './QuestionCard';
import { ResultSheet } from './ResultSheet';
import { WeakPracticeContext } from './weak-practice';

const MODE_JA: Record<SessionMode, string> = { practice: '練習', exam: '試験' };

export function SessionView({ mode }: { mode: SessionMode }) {
  const session = useApp((s) => s.session);
  const result = useApp((s) => s.sessionResult);
  const leave = useApp((s) => s.leaveSession);
  const mine = session !== null && session.session.mode === mode;
  if (mine && result && result.session.id === session.session.id) {
    return <ResultSheet r={result} onClose={leave} closeLabel={mode === 'exam' ? '新しい試験へ' : '新しい練習へ'} />;
  }
  if (mine) return <Running />;
  return <StartForm mode={mode} />;
}

function StartForm({ mode }: { mode: SessionMode }) {
  const packs = useApp((s) => s.packs);
  const trainees = useApp((s) => s.trainees);
  const settings = useApp((s) => s.trainerSettings);
  const loadPacks = useApp((s) => s.loadPacks);
  const loadTrainees = useApp((s) => s.loadTrainees);
  const loadSettings = useApp((s) => s.loadTrainerSettings);
  const start = useApp((s) => s.startSession);
  const other = useApp((s) =>
    s.session && s.session.session.mode !== mode && s.session.question ? s.session.session : null,
  );
  const weak = useContext(WeakPracticeContext);
  const preset = mode === 'practice' ? weak.preset : null;
  const clearPreset = weak.choose;
  const [name, setName] = useState(preset?.traineeName ?? '');
  // the pack the trainee picked; until then the first one
  const [picked, setPackId] = useState<number | ''>('');
  const packId = picked !== '' ? picked : (packs?.[0]?.id ?? '');
  const [count, setCount] = useState('');
  const [seed, setSeed] = useState('');
  const [shuffle, setShuffle] = useState(false);
  const [numberEntry, setNumberEntry] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();

  useEffect(() => {
    void loadPacks();
    void loadTrainees();
    void loadSettings();
  }, [loadPacks, loadTrainees, loadSettings]);

  const pack = packs?.find((p) => p.id === packId) ?? null;
  const defaultCount =
    mode === 'exam' ? Math.min(settings?.examSize ?? 20, pack?.scenarioCount ?? 20) : (pack?.scenarioCount ?? 0);

  const submit = async () => {
    if (name.trim() === '') return setError('研修生の名前を入力してください');
    if (packId === '') return setError('パックを選んでください');
    const n = count.trim() === '' ? undefined : Number(count);
    if (n !== undefined && (!Number.isInteger(n) || n < 1)) return setError('問題数は1以上の整数で入力してください');
    const sd = seed.trim() === '' ? undefined : Number(seed);
    if (sd !== undefined && (!Number.isInteger(sd) || sd < 0 || sd > MAX_SEED))
      return setError(`シードは0〜${MAX_SEED}の整数で入力してください`);
    setError(null);
    const started = await start({
      traineeName: name,
      packId,
      mode,
      ...(n !== undefined ? { count: n } : {}),
      ...(sd !== undefined ? { seed: sd } : {}),
      ...(mode === 'practice' && shuffle ? { shuffle: true } : {}),
      ...(mode === 'practice' && !numberEntry ? { numberEntry: false } : {}),
      ...(preset ? { rules: preset.rules } : {}),
    });
    if (started && preset) clearPreset(null); // the next practice is the whole pack again
  };

  return (
    <div className="session-start">
      <form
        className="panel session-form"
        aria-labelledby="session-h"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="session-h" className="panel-title">
          {mode === 'exam' ? '試験を始める' : '練習を始める'}
        </h2>
        <p className="muted">
          {mode === 'exam'
            ? '試験中は答え合わせを表示しません。終わると結果表が出ます (印刷できます)。出題順はシードで決まり、同じシードなら誰でも同じ順番です。'
            : '1人ずつ患者さんが来ます。回答するとすぐに答え合わせと解説が出ます。'}
        </p>
        {preset && (
          <div className="status-box tone-interim weak-rules" data-testid="weak-rules">
            <p>
              {preset.traineeName} さんの苦手なルールだけ練習します:{' '}
              {preset.rules.map((r) => `${r} ${RULES[r].title}`).join('、')}
            </p>
            <button type="button" className="btn btn-small" onClick={() => clearPreset(null)}>
              パック全体から練習する
            </button>
          </div>
        )}
        {other && (
          <p className="status-box tone-declaration" role="note">
            {other.traineeName} さんの{MODE_JA[other.mode]} ({other.answered}/{other.questions} 問回答)
            が途中です。ここで新しく始めると、その{MODE_JA[other.mode]}は中断したままになります。
          </p>
        )}
        <label className="field">
          <span className="field-label">研修生の名前</span>
          <input
            className="input"
            name="trainee"
            list={listId}
            value={name}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
          <datalist id={listId}>
            {trainees.map((t) => (
              <option key={t.id} value={t.name} />
            ))}
          </datalist>
        </label>
        <div className="field">
          <label className="field-label" htmlFor={`${listId}-pack`}>
            パック
          </label>
          <select
            id={`${listId}-pack`}
            className="input"
            name="pack"
            value={packId}
            onChange={(e) => setPackId(e.target.value === '' ? '' : Number(e.target.value))}
          >
            {packs?.length === 0 && <option value="">パックがありません (「パック」で読み込んでください)</option>}
            {packs?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} ({p.scenarioCount}問)
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${listId}-count`}>
            問題数
          </label>
          <input
            id={`${listId}-count`}
            className="input input-num"
            name="count"
            inputMode="numeric"
            value={count}
            placeholder={String(defaultCount)}
            aria-describedby={`${listId}-count-hint`}
            onChange={(e) => setCount(e.target.value)}
          />
          <span className="field-hint" id={`${listId}-count-hint`}>
            空欄なら {mode === 'exam' ? `${defaultCount} 問 (研修の設定)` : 'パックの全問'}
          </span>
        </div>
        {mode === 'exam' ? (
          <>
            <div className="field">
              <label className="field-label" htmlFor={`${listId}-seed`}>
                出題順のシード (任意)
              </label>
              <input
                id={`${listId}-seed`}
                className="input input-num"
                name="seed"
                inputMode="numeric"
                value={seed}
                placeholder="自動"
                aria-describedby={`${listId}-seed-hint`}
                onChange={(e) => setSeed(e.target.value)}
              />
              <span className="field-hint" id={`${listId}-seed-hint`}>
                前回と同じ試験にするときは、結果表のシードを入力します
              </span>
            </div>
            <p className="pass-mark">
              合格点: <strong>{settings?.passMark ?? '—'}%</strong> (問われた項目がすべて正解した問題の割合)
            </p>
          </>
        ) : (
          <>
            <label className="choice">
              <input type="checkbox" name="shuffle" checked={shuffle} onChange={(e) => setShuffle(e.target.checked)} />
              順番をばらばらにする
            </label>
            <label className="choice">
              <input
                type="checkbox"
                name="numberEntry"
                checked={numberEntry}
                onChange={(e) => setNumberEntry(e.target.checked)}
              />
              資格確認書の番号 (保険者番号・記号・番号) を入力して照会する練習を含める
            </label>
          </>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={!packs || packs.length === 0}>
            {mode === 'exam' ? '試験を始める' : '練習を始める'}
          </button>
        </div>
      </form>
      {mode === 'exam' && <TrainerSettingsForm />}
    </div>
  );
}

function TrainerSettingsForm() {
  const settings = useApp((s) => s.trainerSettings);
  // the form starts from the stored settings (and starts again when they change)
  return settings && <TrainerSettingsFields key={`${settings.passMark}:${settings.examSize}`} settings={settings} />;
}

function TrainerSettingsFields({ settings }: { settings: TrainerSettings }) {
  const save = useApp((s) => s.saveTrainerSettings);
  const notify = useApp((s) => s.notify);
  const [pass, setPass] = useState(String(settings.passMark));
  const [size, setSize] = useState(String(settings.examSize));
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="panel trainer-settings"
      aria-labelledby="trainer-settings-h"
      onSubmit={async (e) => {
        e.preventDefault();
        const p = Number(pass);
        const n = Number(size);
        if (!Number.isInteger(p) || p < 1 || p > 100) return setError('合格点は1〜100の整数 (%) で入力してください');
        if (!Number.isInteger(n) || n < 1 || n > 500) return setError('問題数は1〜500の整数で入力してください');
        setError(null);
        if (await save({ passMark: p, examSize: n })) notify('研修の設定を保存しました');
      }}
    >
      <h2 id="trainer-settings-h" className="panel-title">
        研修の設定
      </h2>
      <label className="field">
        <span className="field-label">合格点 (%)</span>
        <input
          className="input input-num"
          name="passMark"
          inputMode="numeric"
          value={pass}
          onChange={(e) => setPass(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">試験の問題数</span>
        <input
          className="input input-num"
          name="examSize"
          inputMode="numeric"
          value={size}
          onChange={(e) => setSize(e.target.value)}
        />
      </label>
      <p className="field-hint">変更は次に始める試験から使われます。終わった試験の合否は変わりません。</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn">
          設定を保存
        </button>
      </div>
    </form>
  );
}

/** The time since it was mounted (Running keys it by the patient shown). */
function Elapsed() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const start = performance.now();
    const t = setInterval(() => setSeconds(Math.floor((performance.now() - start) / 1000)), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <span className="session-elapsed" aria-hidden="true">
      経過 {Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, '0')}
    </span>
  );
}

function Running() {
  const state = useApp((s) => s.session)!;
  const feedback = useApp((s) => s.feedback);
  const answering = useApp((s) => s.answering);
  const answer = useApp((s) => s.answer);
  const next = useApp((s) => s.nextQuestion);
  const finish = useApp((s) => s.finishSession);
  const { session, question, position } = state;
  const key = `${session.id}:${position ?? 'end'}`;
  // the clock starts when the patient is on screen (in practice: after the previous feedback)
  const shownKey = feedback ? `feedback:${feedback.position}` : key;
  const shownAt = useRef(0);
  useEffect(() => {
    shownAt.current = performance.now();
  }, [shownKey]);

  // practice: the patient stays on screen next to the feedback
  const [asked, setAsked] = useState(question);
  // the numbers typed for this question's number query (the answer form opens after 照会する)
  const [entry, setEntry] = useState<{ key: string; value: NumberEntry } | null>(null);
  const typed = entry?.key === key ? entry.value : null;
  const entryPending = question?.items.includes('numberEntry') === true && typed === null;
  const exam = session.mode === 'exam';
  const shownPosition = feedback ? feedback.position : (position ?? session.questions);
  return (
    <div className="session-run" data-mode={session.mode}>
      <div className="session-bar">
        <p className="session-who">
          <strong>{session.traineeName}</strong> さんの{MODE_JA[session.mode]} ・ {session.packTitle}
          {exam && <span className="muted"> ・ シード {session.seed}</span>}
        </p>
        <div className="session-progress">
          <span id="session-progress-label">
            患者 {shownPosition} / {session.questions}
          </span>
          <progress aria-labelledby="session-progress-label" max={session.questions} value={session.answered} />
          {!feedback && question && <Elapsed key={shownKey} />}
        </div>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            const msg = exam
              ? '試験を終了しますか? 回答していない問題は不正解になります。'
              : '練習を終了して結果を表示しますか?';
            if (window.confirm(msg)) void finish();
          }}
        >
          {exam ? '試験を終了' : '練習を終了'}
        </button>
      </div>
      <div className="session-main">
        {feedback ? (
          <>
            {asked && <QuestionCard q={asked} heading={`患者 ${feedback.position} / ${session.questions}`} />}
            <FeedbackPanel f={feedback} last={question === null} onNext={next}>
              {session.packId !== null && asked && (
                <FeedbackWhatIf packId={session.packId} scenarioId={feedback.scenarioId} visitDate={asked.visitDate} />
              )}
            </FeedbackPanel>
          </>
        ) : question ? (
          <>
            <QuestionCard
              q={question}
              heading={`患者 ${position} / ${session.questions}`}
              numberQueryPending={entryPending}
            />
            {entryPending ? (
              <NumberEntryForm key={key} onQuery={(value) => setEntry({ key, value })} />
            ) : (
              <AnswerForm
                key={key}
                q={question}
                entry={typed}
                busy={answering}
                onAnswer={(a) => {
                  setAsked(question);
                  void answer(a, performance.now() - shownAt.current);
                }}
              />
            )}
          </>
        ) : (
          <p className="muted">結果を読み込んでいます…</p>
        )}
      </div>
    </div>
  );
}
