// The check history: filters, a virtualised table (only the visible rows exist in the DOM; pages
// are fetched as they scroll into view), and CSV export for Excel.
import { useEffect, useState } from 'react';
import { useRowWindow } from '../components/row-window';
import type { HistoryFilter } from '../../../shared/contract';
import { VERDICTS, type Verdict } from '../../../shared/enums';
import { copayWari } from '../../../shared/labels';
import { parseDate } from '../../../shared/wareki';
import { VERDICT_LABELS } from '../labels';
import { useApp } from '../store';
import { HISTORY_PAGE } from '../store/history';
import { verdictTone } from '../tones';

const ROW_HEIGHT = 36;
const COLUMNS = ['確認日時', '受診日', '患者', '判定', '負担', '適用ルール', '操作者'] as const;

const timeFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

export function HistoryView() {
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

  return (
    <div className="history">
      <HistoryFilters />
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
                      {timeFormat.format(new Date(r.at))}
                    </div>
                    <div role="cell" className="history-cell">
                      {r.visitDate}
                    </div>
                    <div role="cell" className="history-cell">
                      {r.patientName ?? '(飛び込み)'}
                    </div>
                    <div
                      role="cell"
                      className={`history-cell verdict-text ${verdictTone(r.verdict)}`}
                      data-verdict={r.verdict}
                    >
                      {VERDICT_LABELS[r.verdict].symbol} {VERDICT_LABELS[r.verdict].title}
                    </div>
                    <div role="cell" className="history-cell">
                      {copayWari(r.copayPercent)}
                    </div>
                    <div role="cell" className="history-cell">
                      {r.rules.join(' ')}
                    </div>
                    <div role="cell" className="history-cell">
                      {r.operator ?? ''}
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
    </div>
  );
}

function HistoryFilters() {
  const filter = useApp((s) => s.historyFilter);
  const setFilter = useApp((s) => s.setHistoryFilter);
  const exportCsv = useApp((s) => s.exportHistoryCsv);
  const notify = useApp((s) => s.notify);
  const [from, setFrom] = useState(filter.from ?? '');
  const [to, setTo] = useState(filter.to ?? '');
  const [verdict, setVerdict] = useState<Verdict | ''>(filter.verdict ?? '');
  const [error, setError] = useState<string | null>(null);

  const apply = () => {
    const next: HistoryFilter = {};
    for (const [key, text] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (text.trim() === '') continue;
      const r = parseDate(text);
      if (!r.ok) {
        setError(`${key === 'from' ? '開始日' : '終了日'}: ${r.error.ja}`);
        return;
      }
      next[key] = r.value;
    }
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
          placeholder="例: 2026-12-31"
          onChange={(e) => setTo(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">判定</span>
        <select
          className="input"
          name="verdict"
          value={verdict}
          onChange={(e) => setVerdict(e.target.value as Verdict | '')}
        >
          <option value="">すべて</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {VERDICT_LABELS[v].title}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn">
        絞り込む
      </button>
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
