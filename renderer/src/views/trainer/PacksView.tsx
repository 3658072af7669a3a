// Packs: the list, import (file dialog or drag-and-drop, with a progress bar and — when the file is
// refused — every problem of every scenario), export, a new pack, and the selected pack's
// scenarios in order (found by rule, verdict, visit date or a word) with the authoring actions:
// edit, duplicate, move, delete, new.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { copayWari, VISIT_TYPE_JA } from '../../../../shared/labels';
import { VISIT_TYPES } from '../../../../shared/enums';
import { packMix } from '../../../../shared/trainer/mix';
import { VERDICT_LABELS } from '../../labels';
import { useApp } from '../../store';
import { rightTone, verdictTone } from '../../tones';
import type { PackDetail, PackScenarioRow, PackSummary } from '../../../../shared/trainer/contract';
import { RULE_IDS, type RuleId } from '../../../../shared/enums';
import { VerdictSelect } from '../../components/VerdictSelect';
import { RULES } from '../../../../shared/rules';
import { formatWareki } from '../../../../shared/wareki';
import { filterScenarios, NO_FILTER, type ScenarioFilter } from './scenario-filter';
import { downloadText, stampText } from './format';
import { newScenarioTemplate } from './editor/draft';
import { pathJa } from '../../../../shared/field-names';

// the editor brings the engine and the validation: loaded when a scenario is opened
const ScenarioEditor = lazy(() => import('./editor/ScenarioEditor').then((m) => ({ default: m.ScenarioEditor })));

const SOURCE_JA: Record<PackSummary['source'], string> = { bundled: '同梱', import: '読み込み', authored: '自作' };
const SHOW_ROWS = 300;
const mb = (b: number) => `${(b / (1024 * 1024)).toFixed(1)} MB`;

function ImportBox() {
  const importFile = useApp((s) => s.importPackFile);
  const progress = useApp((s) => s.importProgress);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const busy = progress !== null;

  const take = (files: FileList | null) => {
    const f = files?.[0];
    if (f && !busy) void importFile(f);
  };

  return (
    <section className="panel pack-import" aria-labelledby="pack-import-h">
      <h2 id="pack-import-h" className="panel-title">
        パックを読み込む
      </h2>
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          take(e.dataTransfer.files);
        }}
      >
        <p>
          パックの JSON ファイル (shikaku-pack/1) を
          <br />
          ここにドラッグ&amp;ドロップ、または
        </p>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="pack-file"
          disabled={busy}
          onChange={(e) => {
            take(e.target.files);
            e.target.value = '';
          }}
        />
        <button type="button" className="btn" disabled={busy} onClick={() => input.current?.click()}>
          ファイルを選ぶ
        </button>
        <p className="field-hint">1ファイル 20 MB まで。1件でも問題があれば、何も読み込みません。</p>
      </div>
      {progress && (
        <div className="import-progress">
          <label htmlFor="import-bar">
            {progress.fileName} ({mb(progress.total)}) —{' '}
            {progress.phase === 'reading'
              ? 'ファイルを読んでいます'
              : progress.phase === 'sending'
                ? '送っています'
                : '内容を確認しています'}
            …
          </label>
          <progress
            id="import-bar"
            max={Math.max(1, progress.total)}
            value={progress.phase === 'checking' ? undefined : progress.sent}
          />
        </div>
      )}
    </section>
  );
}

/** The import's outcome, in the wide column: the new pack, or every problem found (nothing imported). */
function ImportOutcomeBox() {
  const outcome = useApp((s) => s.importOutcome);
  const clear = useApp((s) => s.clearImportOutcome);
  if (!outcome) return null;
  return (
    <>
      <div className={`import-outcome status-box ${rightTone(outcome.pack !== null)}`} data-testid="import-outcome">
        {outcome.pack ? (
          <p role="status">
            「{outcome.pack.title}」を読み込みました ({outcome.pack.scenarioCount} 問)。
            {outcome.pack.mismatchCount > 0 &&
              ` うち ${outcome.pack.mismatchCount} 問は期待する判定がエンジンと違います (一覧の ⚠ を確認してください)。`}
          </p>
        ) : (
          <>
            <p role="alert">
              <strong>{outcome.fileName}</strong> は読み込めませんでした。次の {outcome.issues.length}{' '}
              件の問題があります。パックは何も追加されていません。
            </p>
            <table className="data-table import-issues">
              <thead>
                <tr>
                  <th scope="col">シナリオ</th>
                  <th scope="col">場所</th>
                  <th scope="col">問題</th>
                </tr>
              </thead>
              <tbody>
                {outcome.issues.map((i, k) => (
                  <tr key={k} data-testid="import-issue">
                    <td>{i.scenarioId ?? '(ファイル全体)'}</td>
                    <td>
                      {pathJa(i.path)}
                      <code className="sub-line" lang="en">
                        {i.path}
                      </code>
                    </td>
                    <td>
                      {i.ja}
                      <span className="sub-line" lang="en">
                        {i.en}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <button type="button" className="btn btn-small" onClick={clear}>
          閉じる
        </button>
      </div>
    </>
  );
}

function PackList() {
  const packs = useApp((s) => s.packs);
  const current = useApp((s) => s.pack?.pack.id ?? null);
  const open = useApp((s) => s.openPack);
  const exportPack = useApp((s) => s.exportPack);
  const remove = useApp((s) => s.deletePack);
  const create = useApp((s) => s.createPack);
  const notify = useApp((s) => s.notify);
  const [title, setTitle] = useState('');

  return (
    <section className="panel pack-list" aria-labelledby="pack-list-h">
      <h2 id="pack-list-h" className="panel-title">
        パック
      </h2>
      {packs === null ? (
        <p className="muted">読み込み中…</p>
      ) : packs.length === 0 ? (
        <p className="muted">パックがありません。読み込むか、新しく作ってください。</p>
      ) : (
        <ul className="pack-items">
          {packs.map((p) => (
            <li key={p.id} className={p.id === current ? 'pack-item active' : 'pack-item'} data-testid="pack-item">
              <button
                type="button"
                className="pack-open"
                aria-current={p.id === current ? 'true' : undefined}
                onClick={() => void open(p.id)}
              >
                <span className="pack-title">{p.title}</span>
                <span className="pack-meta">
                  {SOURCE_JA[p.source]} ・ {p.scenarioCount} 問 ・ 更新 {stampText(p.updatedAt)}
                  {p.mismatchCount > 0 && ` ・ ⚠ 期待値の不一致 ${p.mismatchCount}`}
                </span>
              </button>
              <div className="pack-actions">
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`「${p.title}」を JSON に書き出す`}
                  onClick={async () => {
                    const r = await exportPack(p.id);
                    if (!r) return;
                    downloadText(r.filename, r.json, 'application/json');
                    notify(`${r.scenarios} 問を書き出しました (${r.filename})`);
                  }}
                >
                  書き出す
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`「${p.title}」を削除`}
                  onClick={() => {
                    if (window.confirm(`パック「${p.title}」を削除しますか? (これまでの研修の記録は残ります)`))
                      void remove(p.id);
                  }}
                >
                  削除
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form
        className="pack-new"
        onSubmit={async (e) => {
          e.preventDefault();
          if (title.trim() === '') return;
          if (await create(title.trim())) setTitle('');
        }}
      >
        <label className="field">
          <span className="field-label">新しいパックの名前</span>
          <input className="input" name="newPack" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <button type="submit" className="btn" disabled={title.trim() === ''}>
          パックを作る
        </button>
      </form>
    </section>
  );
}

function PackDetailView() {
  const detail = useApp((s) => s.pack);
  if (!detail) return <p className="muted packs-empty">左の一覧からパックを選ぶと、例題の一覧が出ます。</p>;
  // another pack (or a new name) starts the view afresh: no editor open, the first rows, its name
  return <PackScenarios key={`${detail.pack.id}:${detail.pack.title}`} detail={detail} />;
}

/** What the pack exercises: scenarios per visit type (初診・再診) and per rule, so gaps show. */
function PackMixBox({ scenarios }: { scenarios: PackDetail['scenarios'] }) {
  const mix = packMix(scenarios);
  const covered = mix.rules.filter((r) => r.scenarios > 0).length;
  return (
    <section className="pack-mix" aria-labelledby="pack-mix-h" data-testid="pack-mix">
      <h3 id="pack-mix-h" className="question-subhead">
        出題の内訳
      </h3>
      <p data-testid="pack-mix-visits">
        {VISIT_TYPES.map((v) => `${VISIT_TYPE_JA[v]} ${mix.visitTypes[v]} 問`).join(' ・ ')}
      </p>
      <details>
        <summary>
          ルールごとの例題数 ({mix.rules.length} ルール中 {covered} ルールを出題)
        </summary>
        <table className="data-table pack-mix-rules">
          <caption className="visually-hidden">ルールごとの例題数</caption>
          <thead>
            <tr>
              <th scope="col">ルール</th>
              <th scope="col">内容</th>
              <th scope="col">例題数</th>
            </tr>
          </thead>
          <tbody>
            {mix.rules.map((r) => (
              <tr key={r.rule} data-rule={r.rule} className={r.scenarios === 0 ? 'muted' : undefined}>
                <th scope="row">{r.rule}</th>
                <td>{RULES[r.rule].title}</td>
                <td>{r.scenarios}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function PackScenarios({ detail }: { detail: PackDetail }) {
  const today = useApp((s) => s.info?.today ?? '2026-01-15');
  const move = useApp((s) => s.moveScenario);
  const duplicate = useApp((s) => s.duplicateScenario);
  const remove = useApp((s) => s.deleteScenario);
  const getJson = useApp((s) => s.scenarioJson);
  const rename = useApp((s) => s.renamePack);
  const [editing, setEditing] = useState<{ replaces: string | null; json: Record<string, unknown> } | null>(null);
  const [all, setAll] = useState(false);
  const [title, setTitle] = useState(detail.pack.title);
  const [filter, setFilter] = useState<ScenarioFilter>(NO_FILTER);
  const { pack, scenarios } = detail;
  const found = filterScenarios(scenarios, filter);
  const filtered = found.ok && found.rows.length !== scenarios.length;
  if (editing) {
    return (
      <Suspense fallback={<p className="muted">例題の編集画面を読み込んでいます…</p>}>
        <ScenarioEditor
          packId={pack.id}
          replaces={editing.replaces}
          initial={editing.json}
          onClose={() => setEditing(null)}
        />
      </Suspense>
    );
  }
  const shown = found.ok ? found.rows : scenarios;
  const rows = all ? shown : shown.slice(0, SHOW_ROWS);
  return (
    <section className="panel pack-detail" aria-labelledby="pack-detail-h">
      <div className="panel-head">
        <h2 id="pack-detail-h" className="panel-title">
          {pack.title} <span className="muted">({pack.scenarioCount} 問)</span>
        </h2>
        <div className="panel-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setEditing({ replaces: null, json: newScenarioTemplate(today) })}
          >
            新しい例題を作る
          </button>
        </div>
      </div>
      <form
        className="pack-rename"
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim() !== '' && title !== pack.title) void rename(pack.id, title);
        }}
      >
        <label className="field">
          <span className="field-label">パックの名前</span>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-small" disabled={title.trim() === '' || title === pack.title}>
          名前を変える
        </button>
      </form>
      {scenarios.length > 0 && <PackMixBox scenarios={scenarios} />}
      <ScenarioFilterForm scenarios={scenarios} filter={filter} onChange={setFilter} />
      {!found.ok && (
        <p className="field-error" role="alert">
          {found.error}
        </p>
      )}
      <p className="muted" role="status" data-testid="scenario-count">
        {filtered ? `${shown.length} 問 / ${scenarios.length} 問` : `${scenarios.length} 問`}
      </p>
      <table className="data-table scenario-table">
        <caption className="visually-hidden">例題の一覧 (出題順)</caption>
        <thead>
          <tr>
            <th scope="col">順</th>
            <th scope="col">例題</th>
            <th scope="col">受診日</th>
            <th scope="col">エンジンの判定</th>
            <th scope="col">ルール</th>
            <th scope="col">期待値</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s, i) => (
            <tr key={s.scenarioId} data-testid="scenario-row" data-scenario={s.scenarioId}>
              <td>{s.position + 1}</td>
              <td>
                {s.title ?? '(題名なし)'}
                <span className="sub-line">
                  <code>{s.scenarioId}</code>
                </span>
              </td>
              <td>{formatWareki(s.visitDate)}</td>
              <td className={`verdict-text ${verdictTone(s.verdict)}`}>
                {VERDICT_LABELS[s.verdict].symbol} {VERDICT_LABELS[s.verdict].title} ・ {copayWari(s.copayPercent)}
              </td>
              <td>{s.rules.join(' ')}</td>
              <td>
                {s.expectedMatches === null
                  ? '—'
                  : s.expectedMatches
                    ? '一致'
                    : `⚠ 不一致 (${s.mismatches.join(', ')})`}
              </td>
              <td className="row-actions">
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`${s.scenarioId} を上へ`}
                  disabled={filtered || i === 0}
                  onClick={() => void move(pack.id, s.scenarioId, s.position - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`${s.scenarioId} を下へ`}
                  disabled={filtered || s.position === scenarios.length - 1}
                  onClick={() => void move(pack.id, s.scenarioId, s.position + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`${s.scenarioId} を編集`}
                  onClick={async () => {
                    const json = await getJson(pack.id, s.scenarioId);
                    if (json) setEditing({ replaces: s.scenarioId, json });
                  }}
                >
                  編集
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`${s.scenarioId} を複製`}
                  onClick={() => void duplicate(pack.id, s.scenarioId)}
                >
                  複製
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`${s.scenarioId} を削除`}
                  onClick={() => {
                    if (window.confirm(`例題「${s.title ?? s.scenarioId}」を削除しますか?`))
                      void remove(pack.id, s.scenarioId);
                  }}
                >
                  削除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!all && shown.length > SHOW_ROWS && (
        <button type="button" className="btn" onClick={() => setAll(true)}>
          残り {shown.length - SHOW_ROWS} 問も表示する
        </button>
      )}
    </section>
  );
}

/** 絞り込み: rule, verdict, visit dates, a word — applied as they are typed (the pack is in memory). */
function ScenarioFilterForm({
  scenarios,
  filter,
  onChange,
}: {
  scenarios: readonly PackScenarioRow[];
  filter: ScenarioFilter;
  onChange: (f: ScenarioFilter) => void;
}) {
  const used = RULE_IDS.filter((r) => scenarios.some((s) => s.rules.includes(r)));
  const set = (patch: Partial<ScenarioFilter>) => onChange({ ...filter, ...patch });
  return (
    <form className="filters scenario-filters" aria-label="例題の絞り込み" onSubmit={(e) => e.preventDefault()}>
      <label className="field">
        <span className="field-label">語 (題名・ID)</span>
        <input
          className="input"
          type="search"
          name="word"
          maxLength={60}
          value={filter.word}
          onChange={(e) => set({ word: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="field-label">ルール</span>
        <select
          className="input"
          name="rule"
          value={filter.rule}
          onChange={(e) => set({ rule: e.target.value as RuleId | '' })}
        >
          <option value="">すべて</option>
          {used.map((r) => (
            <option key={r} value={r}>
              {r} {RULES[r].title}
            </option>
          ))}
        </select>
      </label>
      <VerdictSelect label="エンジンの判定" value={filter.verdict} onChange={(verdict) => set({ verdict })} />
      <label className="field">
        <span className="field-label">受診日 (から)</span>
        <input
          className="input"
          name="from"
          placeholder="例: R7.12.2"
          value={filter.from}
          onChange={(e) => set({ from: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="field-label">受診日 (まで)</span>
        <input
          className="input"
          name="to"
          placeholder="例: R8.7.31"
          value={filter.to}
          onChange={(e) => set({ to: e.target.value })}
        />
      </label>
      <button
        type="button"
        className="btn btn-small"
        disabled={filter === NO_FILTER}
        onClick={() => onChange(NO_FILTER)}
      >
        絞り込みを解除
      </button>
    </form>
  );
}

export function PacksView() {
  const load = useApp((s) => s.loadPacks);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="packs">
      <div className="packs-side">
        <ImportBox />
        <PackList />
      </div>
      <div className="packs-main">
        <ImportOutcomeBox />
        <PackDetailView />
      </div>
    </div>
  );
}
