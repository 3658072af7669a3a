// The check history: filters (dates, patient, verdict), a virtualised table (only the visible rows
// exist in the DOM; pages are fetched as they scroll into view), CSV export for Excel; a row opens
// the full check as the desk showed it (the desk's own answer panel: verdict, reasons, online
// result) and reprints the patient's slip. Dates for people in 和暦.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRowWindow } from '../components/row-window';
import type { HistoryCheck, HistoryFilter, HistoryRow } from '../../../shared/contract';
import type { Verdict } from '../../../shared/enums';
import { VerdictSelect } from '../components/VerdictSelect';
import { copayWari } from '../../../shared/labels';
import { formatWareki, parseDate } from '../../../shared/wareki';
import { DESK_KEYS, VERDICT_LABELS } from '../labels';
import { copyTellPatient } from '../components/answer-actions';
import { printSheet } from '../components/print-actions';
import { DecisionDetails } from '../components/DecisionPanel';
import { VerdictWords } from '../components/VerdictWords';
import { useApp } from '../store';
import { HISTORY_PAGE } from '../store/history';
import { verdictTone } from '../tones';

const ROW_HEIGHT = 36;
const COLUMNS = ['確認日時', '受診日', '患者', '判定', '負担', '適用ルール', '担当者'] as const;

const clock = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });

/** 令和8年1月20日 09:05 (the row's `at` carries Japan's offset; its first ten characters are the day there) */
const checkedAtJa = (at: string): string => `${formatWareki(at.slice(0, 10))} ${clock.format(new Date(at))}`;

/** 3割, 3割 (仮) while the 高齢受給者証 is still to be seen. */
const copayJa = (r: Pick<HistoryRow, 'copayPercent' | 'copayProvisional'>) =>
  copayWari(r.copayPercent) + (r.copayProvisional ? ' (仮)' : '');

export function HistoryView() {
  const fetchCheck = useApp((s) => s.historyCheck);
  const setFilter = useApp((s) => s.setHistoryFilter);
  const [check, setCheck] = useState<HistoryCheck | null>(null);
  /** the name of the one patient whose rows are shown (「この患者の記録だけ表示」) */
  const [patientName, setPatientName] = useState<string | null>(null);
  const open = useCallback(async (id: number) => setCheck(await fetchCheck(id)), [fetchCheck]);
  const close = useCallback(() => setCheck(null), []);
  const showPatient = (row: HistoryRow) => {
    setCheck(null);
    if (row.patientId === null) return;
    setPatientName(row.patientName);
    setFilter({ patientId: row.patientId });
  };
  return (
    <div className="history">
      <div className="history-list" hidden={check !== null}>
        <HistoryList open={open} patientName={patientName} />
      </div>
      {check !== null && <HistoryCheckView key={check.row.id} check={check} close={close} showPatient={showPatient} />}
    </div>
  );
}

function HistoryList({ open, patientName }: { open: (id: number) => Promise<void>; patientName: string | null }) {
  const total = useApp((s) => s.historyTotal);
  const rows = useApp((s) => s.historyRows);
  const version = useApp((s) => s.historyVersion);
  const loadRange = useApp((s) => s.loadHistoryRange);

  useEffect(() => {
    void loadRange(0, HISTORY_PAGE);
  }, [version, loadRange]);

  const { scrollRef, first, last, totalHeight } = useRowWindow(total ?? 0, ROW_HEIGHT, 12);
  useEffect(() => {
    if (total !== null && total > 0) void loadRange(first, last + 1);
  }, [first, last, total, loadRange]);
  const shown = Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k);

  const onlyPatient = useApp((s) => s.historyFilter.patientId ?? '');
  return (
    <>
      <HistoryFilters key={onlyPatient} patientName={patientName} />
      <p className="history-count" role="status" data-testid="history-count">
        {total === null ? '読み込み中…' : `${total.toLocaleString('ja-JP')} 件`}
      </p>
      <div
        ref={scrollRef}
        className="history-table"
        role="table"
        aria-label="確認の履歴 (スクロールできます)"
        aria-rowcount={(total ?? 0) + 1}
        data-testid="history-scroll"
        tabIndex={0}
      >
        <div className="history-head" role="rowgroup">
          <div className="history-row" role="row" aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <div key={c} className="history-cell" role="columnheader">
                {c}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" style={{ height: totalHeight, position: 'relative' }}>
          {shown.map((index) => {
            const r = rows[index];
            return (
              <div
                key={index}
                role="row"
                aria-rowindex={index + 2}
                className={index % 2 ? 'history-row odd' : 'history-row'}
                data-testid="history-row"
                onClick={r ? () => void open(r.id) : undefined}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${index * ROW_HEIGHT}px)`,
                }}
              >
                {r ? (
                  <>
                    <div role="cell" className="history-cell">
                      <button
                        type="button"
                        className="history-open"
                        title="この確認を開く (判定・理由・照会結果、お渡し用の紙の再印刷)"
                        onClick={(e) => {
                          e.stopPropagation();
                          void open(r.id);
                        }}
                      >
                        {checkedAtJa(r.at)}
                      </button>
                    </div>
                    <div role="cell" className="history-cell">
                      {formatWareki(r.visitDate)}
                    </div>
                    <div role="cell" className="history-cell">
                      {r.patientName ?? (r.mode === 'real-desk' ? '(受付ナビ・記録なし)' : '(飛び込み)')}
                    </div>
                    <div
                      role="cell"
                      className={`history-cell verdict-text ${verdictTone(r.verdict)}`}
                      data-verdict={r.verdict}
                    >
                      {VERDICT_LABELS[r.verdict].symbol} {VERDICT_LABELS[r.verdict].title}
                    </div>
                    <div role="cell" className="history-cell" data-testid="history-copay">
                      {copayJa(r)}
                    </div>
                    <div role="cell" className="history-cell">
                      {r.rules.join(' ')}
                    </div>
                    <div role="cell" className="history-cell">
                      {r.operator ?? '—'}
                    </div>
                  </>
                ) : (
                  <div role="cell" className="history-cell muted">
                    読み込み中…
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {total === 0 && <p className="muted">条件に合う記録はありません。</p>}
    </>
  );
}

function HistoryFilters({ patientName }: { patientName: string | null }) {
  const filter = useApp((s) => s.historyFilter);
  const setFilter = useApp((s) => s.setHistoryFilter);
  const exportCsv = useApp((s) => s.exportHistoryCsv);
  const notify = useApp((s) => s.notify);
  const [from, setFrom] = useState(filter.from ? formatWareki(filter.from) : '');
  const [to, setTo] = useState(filter.to ? formatWareki(filter.to) : '');
  const [patient, setPatient] = useState(filter.patient ?? '');
  const [verdict, setVerdict] = useState<Verdict | ''>(filter.verdict ?? '');
  const [error, setError] = useState<string | null>(null);

  const apply = (opts: { allPatients?: boolean } = {}) => {
    const next: HistoryFilter = {};
    for (const [key, text] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (text.trim() === '') continue;
      const r = parseDate(text);
      if (!r.ok) {
        setError(`${key === 'from' ? '確認日 (から)' : '確認日 (まで)'}: ${r.error.ja}`);
        return;
      }
      next[key] = r.value;
    }
    if (next.from && next.to && next.from > next.to) {
      setError('確認日の「から」が「まで」より後になっています');
      return;
    }
    if (patient.trim() !== '') next.patient = patient.trim();
    if (!opts.allPatients && filter.patientId !== undefined) next.patientId = filter.patientId;
    if (verdict !== '') next.verdict = verdict;
    setError(null);
    setFilter(next);
  };

  const download = async () => {
    const r = await exportCsv();
    if (!r) return;
    const blob = new Blob([r.csv], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = r.filename;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    notify(`${r.rows.toLocaleString('ja-JP')} 件を CSV に書き出しました (${r.filename})`);
  };

  return (
    <form
      className="filters"
      aria-label="履歴の絞り込み"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label className="field">
        <span className="field-label">確認日 (から)</span>
        <input
          className="input"
          name="from"
          value={from}
          placeholder="例: R8.1.1"
          onChange={(e) => setFrom(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">確認日 (まで)</span>
        <input
          className="input"
          name="to"
          value={to}
          placeholder="例: R8.12.31"
          onChange={(e) => setTo(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">患者 (氏名・よみ)</span>
        <input
          className="input"
          name="patient"
          value={patient}
          maxLength={40}
          placeholder="例: やまだ"
          onChange={(e) => setPatient(e.target.value)}
        />
      </label>
      <VerdictSelect label="判定" value={verdict} onChange={setVerdict} />
      <button type="submit" className="btn">
        絞り込む
      </button>
      {filter.patientId !== undefined && (
        <p className="history-only-patient" data-testid="history-only-patient">
          {patientName ?? `患者ID ${filter.patientId}`} さんの記録だけ
          <button type="button" className="btn btn-small" onClick={() => apply({ allPatients: true })}>
            すべての患者に戻す
          </button>
        </p>
      )}
      <button type="button" className="btn" onClick={() => void download()}>
        CSV に書き出す
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/**
 * One recorded check in full, as the desk showed it: the verdict, the copay, what is still needed,
 * what to tell the patient (copy, and the slip printed again), the online check's result, the
 * reasons with their rules. Esc or 「一覧に戻る」 goes back to the list where it was.
 */
function HistoryCheckView({
  check,
  close,
  showPatient,
}: {
  check: HistoryCheck;
  close: () => void;
  showPatient: (row: HistoryRow) => void;
}) {
  const notify = useApp((s) => s.notify);
  const back = useRef<HTMLButtonElement>(null);
  const r = check.row;
  const tell = check.decision.tellPatient;
  useEffect(() => {
    back.current?.focus();
    // the desk's keys for the answer's actions work here too (shown beside the buttons)
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey) return;
      const t = e.target;
      if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return;
      const action =
        e.key === 'Escape'
          ? close
          : e.key.toLowerCase() === DESK_KEYS.print
            ? () => printSheet('slip')
            : e.key.toLowerCase() === DESK_KEYS.copy
              ? () => void copyTellPatient(tell, notify)
              : null;
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close, notify, tell]);
  const who = r.patientName ?? (r.mode === 'trainer' ? '研修の例題' : '飛び込みの患者');
  return (
    <section className="history-check" aria-labelledby="history-check-h" data-testid="history-check">
      <header className="history-check-head">
        <button ref={back} type="button" className="btn" onClick={close}>
          ← 一覧に戻る <kbd aria-hidden="true">Esc</kbd>
        </button>
        <h2 id="history-check-h" className="history-check-title">
          {who} ・ 受診日 {formatWareki(r.visitDate)}
        </h2>
        {r.patientId !== null && (
          <button type="button" className="btn btn-small" onClick={() => showPatient(r)}>
            この患者の記録だけ表示
          </button>
        )}
      </header>
      <dl className="history-check-meta">
        <div>
          <dt>確認日時</dt>
          <dd>{checkedAtJa(r.at)}</dd>
        </div>
        <div>
          <dt>担当者</dt>
          <dd>{r.operator ?? '記録なし'}</dd>
        </div>
        <div>
          <dt>区分</dt>
          <dd>{r.mode === 'desk' ? '窓口' : '研修'}</dd>
        </div>
      </dl>
      <div className="answer history-answer">
        <div
          className={`verdict history-verdict ${verdictTone(check.decision.verdict)}`}
          data-testid="history-verdict"
          data-history-verdict={check.decision.verdict}
        >
          <VerdictWords decision={check.decision} />
        </div>
        {/* the reprinted slip says when the patient was received: when the check was recorded */}
        <DecisionDetails answer={{ ...check, receivedAt: new Date(r.at) }} />
      </div>
    </section>
  );
}
