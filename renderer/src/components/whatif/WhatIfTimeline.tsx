// The what-if timeline (issue 10): the case decided on every day of a range, drawn as one strip of
// runs in the verdict tones (symbol and copay in words on each wide run), the days on which the
// answer changes numbered on the strip and listed below with the rule-book date and rules behind
// each. The strip is a slider over days: ← → move one day, PageUp/PageDown a month, Home/End the
// ends, Shift+← → the previous/next change; Enter (or a click) loads the day (`onChoose`).
import { type KeyboardEvent, type MouseEvent, useId, useMemo, useState } from 'react';
import { addDays, addMonthsClamped, dayNumber, fromDayNumber, type IsoDate } from '../../../../shared/dates';
import { VERDICTS } from '../../../../shared/enums';
import { copayWari } from '../../../../shared/labels';
import { RULES } from '../../../../shared/rules';
import type { Scenario } from '../../../../shared/scenario';
import type { Policy } from '../../../../shared/timeline';
import { formatDateJa, formatWareki, parseDate } from '../../../../shared/wareki';
import {
  answerJa,
  checkRange,
  type DayAnswer,
  DEFAULT_WHATIF_RANGE,
  runAt,
  UNAVAILABLE_JA,
  whatIf,
  type WhatIf,
  type WhatIfRange,
} from '../../../../shared/whatif';
import { VERDICT_LABELS } from '../../labels';
import { verdictTone } from '../../tones';
import './whatif.css';

export interface WhatIfTimelineProps {
  scenario: Scenario;
  /** the clinic's policy the case was decided with (the scenario's own settings apply on top) */
  policy?: Partial<Policy>;
  /** the day the case is on now (the desk's visit date, the editor's 受診日) */
  selected: IsoDate;
  /** loads a day (the button and Enter say `chooseLabel`); without it a day is only looked at */
  onChoose?: (day: IsoDate) => void;
  chooseLabel?: string;
  /** how the selected day is called: いまの受診日 (desk), 受診日 (editor), この例題の受診日 (feedback) */
  selectedLabel?: string;
}

const MAX_LISTED = 40;

function toneOf(a: DayAnswer): string {
  return a.kind === 'decision' ? verdictTone(a.verdict) : 'whatif-none';
}

function shortAnswer(a: DayAnswer): string {
  if (a.kind === 'unavailable') return '書類なし';
  return `${VERDICT_LABELS[a.verdict].symbol} ${copayWari(a.copayPercent)}${a.copayProvisional ? '(仮)' : ''}`;
}

export function WhatIfTimeline({
  scenario,
  policy,
  selected,
  onChoose,
  chooseLabel,
  selectedLabel = 'いまの受診日',
}: WhatIfTimelineProps) {
  const loadable = onChoose !== undefined && chooseLabel !== undefined;
  const [range, setRange] = useState<WhatIfRange>(DEFAULT_WHATIF_RANGE);
  // The strip does not depend on the visit date (it sets each day's), nor on the scenario's names:
  // a new visit date or a retitled draft does not recompute it.
  const caseJson = JSON.stringify({
    ...scenario,
    id: '',
    title: null,
    story: null,
    expected: undefined,
    visitDate: '',
  });
  const policyJson = JSON.stringify(policy ?? {});
  const w = useMemo(
    () => whatIf(JSON.parse(caseJson) as Scenario, range, JSON.parse(policyJson) as Partial<Policy>),
    [caseJson, policyJson, range],
  );
  const [cursorState, setCursor] = useState<IsoDate | null>(null);
  const [hover, setHover] = useState<IsoDate | null>(null);
  const inRange = (d: IsoDate) => d >= w.from && d <= w.to;
  const cursor = cursorState !== null && inRange(cursorState) ? cursorState : inRange(selected) ? selected : w.from;
  const first = dayNumber(w.from);
  const pct = (d: IsoDate) => ((dayNumber(d) - first) / w.days) * 100;
  const changeNo = new Map(w.changes.map((c, i) => [c.on, i + 1]));
  const markers = markerRows(w, pct);
  const id = useId();

  const choose = (d: IsoDate) => {
    setCursor(d);
    if (onChoose && runAt(w, d)?.answer.kind === 'decision') onChoose(d);
  };
  const dayAtX = (e: MouseEvent<HTMLElement>): IsoDate => {
    const box = e.currentTarget.getBoundingClientRect();
    const f = box.width > 0 ? (e.clientX - box.left) / box.width : 0;
    return fromDayNumber(first + Math.min(w.days - 1, Math.max(0, Math.floor(f * w.days))));
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const clamp = (d: IsoDate) => (d < w.from ? w.from : d > w.to ? w.to : d);
    let next: IsoDate | null = null;
    if (e.key === 'Enter') {
      e.preventDefault();
      choose(cursor);
      return;
    }
    if (e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowUp')) {
      next = w.changes.find((c) => c.on > cursor)?.on ?? w.to;
    } else if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowDown')) {
      next = [...w.changes].reverse().find((c) => c.on < cursor)?.on ?? w.from;
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = addDays(cursor, 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = addDays(cursor, -1);
    else if (e.key === 'PageUp') next = addMonthsClamped(cursor, 1);
    else if (e.key === 'PageDown') next = addMonthsClamped(cursor, -1);
    else if (e.key === 'Home') next = w.from;
    else if (e.key === 'End') next = w.to;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    setHover(null);
    setCursor(clamp(next));
  };

  const shown = hover ?? cursor;
  const shownRun = runAt(w, shown);
  const shownChange = w.changes.find((c) => c.on === shown);
  const dayText = (d: IsoDate) => {
    const r = runAt(w, d);
    const c = w.changes.find((x) => x.on === d);
    return `${formatDateJa(d)} ${r ? answerJa(r.answer) : ''}${c ? ` ・ 変わる日: ${c.ja}` : ''}`;
  };

  return (
    <div className="whatif" data-testid="whatif">
      <RangeChooser range={range} onRange={setRange} />
      <Legend w={w} selectedLabel={selectedLabel} />
      <div className="whatif-frame">
        <div
          className="whatif-markers"
          aria-hidden="true"
          style={{ height: `${markerRowCount(markers) * 1.35 + 0.3}em` }}
        >
          {markers.map(({ on, row }) => (
            <span
              key={on}
              className="whatif-marker"
              style={{ left: `${pct(on)}%`, top: `${row * 1.35}em` }}
              title={dayText(on)}
            >
              {changeNo.get(on)}
            </span>
          ))}
        </div>
        <div
          className="whatif-strip"
          role="slider"
          tabIndex={0}
          aria-label={`日付ごとの判定 (${formatWareki(w.from)}〜${formatWareki(w.to)})`}
          aria-describedby={`${id}-help`}
          aria-valuemin={first}
          aria-valuemax={first + w.days - 1}
          aria-valuenow={dayNumber(cursor)}
          aria-valuetext={dayText(cursor)}
          data-testid="whatif-strip"
          data-cursor={cursor}
          onKeyDown={onKey}
          onMouseMove={(e) => setHover(dayAtX(e))}
          onMouseLeave={() => setHover(null)}
          onClick={(e) => choose(dayAtX(e))}
        >
          {w.runs.map((r) => (
            <span
              key={r.from}
              className={`whatif-run ${toneOf(r.answer)}`}
              style={{ left: `${pct(r.from)}%`, width: `${(r.days / w.days) * 100}%` }}
              data-from={r.from}
              data-to={r.to}
              data-verdict={r.answer.kind === 'decision' ? r.answer.verdict : 'none'}
            >
              {r.days / w.days >= 0.07 && <span className="whatif-run-text">{shortAnswer(r.answer)}</span>}
            </span>
          ))}
          {w.changes.map((c) => (
            <span key={c.on} className="whatif-boundary" style={{ left: `${pct(c.on)}%` }} />
          ))}
          {inRange(selected) && (
            <span className="whatif-selected" style={{ left: `${pct(selected)}%` }} data-testid="whatif-selected" />
          )}
          <span className="whatif-cursor" style={{ left: `${pct(shown)}%`, width: `${100 / w.days}%` }} />
        </div>
        <YearTicks w={w} pct={pct} selected={inRange(selected) ? selected : null} selectedLabel={selectedLabel} />
      </div>
      <p className="whatif-readout" data-testid="whatif-readout">
        <strong>{formatDateJa(shown)}</strong>{' '}
        {shownRun && (
          <span className={`whatif-readout-answer ${toneOf(shownRun.answer)}`}>{answerJa(shownRun.answer)}</span>
        )}
        {shown === selected && <span className="whatif-readout-now"> ({selectedLabel})</span>}
        {shownChange && (
          <span className="whatif-readout-change">
            {' '}
            ・ 変わる日 {changeNo.get(shown)}: {shownChange.ja}
          </span>
        )}
      </p>
      <p id={`${id}-help`} className="whatif-help muted small">
        帯をクリックするか、← → で1日ずつ (Shift+← → で変わる日へ、PageUp・PageDown で1か月)
        動かすと、その日の判定が出ます。
        {loadable && `Enter またはクリックで${chooseLabel}。書類がまだない日は選べません。`}
      </p>
      <ChangeList
        w={w}
        selected={selected}
        selectedLabel={selectedLabel}
        onChoose={loadable ? choose : null}
        chooseLabel={chooseLabel ?? ''}
      />
    </div>
  );
}

const markerRowCount = (m: readonly { row: number }[]) => Math.max(1, ...m.map((x) => x.row + 1));

/** Change numbers on up to three rows, so that close days do not overlap. */
function markerRows(w: WhatIf, pct: (d: IsoDate) => number): { on: IsoDate; row: number }[] {
  const lastAt = [-100, -100, -100];
  return w.changes.map((c) => {
    const x = pct(c.on);
    let row = lastAt.findIndex((l) => x - l >= 3);
    if (row < 0) row = lastAt.indexOf(Math.min(...lastAt));
    lastAt[row] = x;
    return { on: c.on, row };
  });
}

function YearTicks({
  w,
  pct,
  selected,
  selectedLabel,
}: {
  w: WhatIf;
  pct: (d: IsoDate) => number;
  selected: IsoDate | null;
  selectedLabel: string;
}) {
  const ticks: { on: IsoDate; year: number }[] = [];
  for (let y = Number(w.from.slice(0, 4)) + 1; y <= Number(w.to.slice(0, 4)); y += 1) {
    ticks.push({ on: `${y}-01-01`, year: y });
  }
  const months: IsoDate[] = [];
  if (w.days <= 6 * 366) {
    for (let d = addMonthsClamped(`${w.from.slice(0, 7)}-01`, 1); d <= w.to; d = addMonthsClamped(d, 1)) months.push(d);
  }
  return (
    <div className="whatif-axis" aria-hidden="true">
      {months.map((m) => (
        <span key={m} className="whatif-month" style={{ left: `${pct(m)}%` }} />
      ))}
      {ticks.map((t) => (
        <span key={t.on} className="whatif-year" style={{ left: `${pct(t.on)}%` }}>
          {t.year}年<span className="whatif-era">{formatWareki(t.on).replace(/年.*$/, '年')}</span>
        </span>
      ))}
      {selected && (
        <span
          className={pct(selected) > 75 ? 'whatif-selected-caret at-end' : 'whatif-selected-caret'}
          style={{ left: `${pct(selected)}%` }}
        >
          {pct(selected) > 75 ? `${selectedLabel}▲` : `▲${selectedLabel}`}
        </span>
      )}
    </div>
  );
}

function Legend({ w, selectedLabel }: { w: WhatIf; selectedLabel: string }) {
  const verdicts = VERDICTS.filter((v) => w.runs.some((r) => r.answer.kind === 'decision' && r.answer.verdict === v));
  const none = w.runs.some((r) => r.answer.kind === 'unavailable');
  return (
    <ul className="whatif-legend" aria-label="凡例">
      {verdicts.map((v) => (
        <li key={v}>
          <span className={`whatif-swatch ${verdictTone(v)}`} aria-hidden="true">
            {VERDICT_LABELS[v].symbol}
          </span>
          {VERDICT_LABELS[v].title}
        </li>
      ))}
      {none && (
        <li>
          <span className="whatif-swatch whatif-none" aria-hidden="true" />
          {UNAVAILABLE_JA['document-not-yet'].replace('この日は', '')}
        </li>
      )}
      <li>
        <span className="whatif-swatch whatif-swatch-marker" aria-hidden="true">
          1
        </span>
        判定が変わる日 (下の一覧の番号)
      </li>
      <li>
        <span className="whatif-swatch whatif-swatch-selected" aria-hidden="true" />
        {selectedLabel}
      </li>
    </ul>
  );
}

function ChangeList({
  w,
  selected,
  selectedLabel,
  onChoose,
  chooseLabel,
}: {
  w: WhatIf;
  selected: IsoDate;
  selectedLabel: string;
  onChoose: ((d: IsoDate) => void) | null;
  chooseLabel: string;
}) {
  if (w.changes.length === 0) {
    return (
      <p className="whatif-nochange" data-testid="whatif-nochange">
        この期間中、判定は変わりません ({answerJa(w.runs[0]!.answer)})。
      </p>
    );
  }
  return (
    <>
      <h4 className="whatif-changes-title">判定が変わる日 ({w.changes.length}件)</h4>
      <ol className="whatif-changes" data-testid="whatif-changes">
        {w.changes.slice(0, MAX_LISTED).map((c, i) => (
          <li key={c.on} className="whatif-change" data-on={c.on} data-rules={c.rules.join(' ')}>
            <span className="whatif-change-no" aria-hidden="true">
              {i + 1}
            </span>
            <span className="whatif-change-body">
              <span className="whatif-change-date">
                {formatDateJa(c.on)}
                {c.on === selected && ` (${selectedLabel})`}
              </span>
              <span className="whatif-change-why">{c.ja}</span>
              <span className="whatif-change-what">
                <span className={`whatif-answer ${toneOf(c.before)}`}>{answerJa(c.before)}</span>
                <span aria-label="から"> → </span>
                <span className={`whatif-answer ${toneOf(c.after)}`}>{answerJa(c.after)}</span>
              </span>
              {c.rules.length > 0 && (
                <span className="whatif-change-rules">
                  {c.rules.map((r) => (
                    <abbr key={r} className="whatif-rule" title={RULES[r].title}>
                      {r}
                    </abbr>
                  ))}
                  <span className="visually-hidden">{c.rules.map((r) => `${r} ${RULES[r].title}`).join('、')}</span>
                </span>
              )}
            </span>
            {onChoose && c.after.kind === 'decision' && (
              <button type="button" className="btn btn-small" onClick={() => onChoose(c.on)}>
                {chooseLabel}
                <span className="visually-hidden"> ({formatWareki(c.on)})</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      {w.changes.length > MAX_LISTED && (
        <p className="muted small">ほか {w.changes.length - MAX_LISTED} 件 (期間を短くすると表示されます)</p>
      )}
    </>
  );
}

/** Two dates (ISO or 和暦), applied with Enter or 表示; the default range back with one button. */
function RangeChooser({ range, onRange }: { range: WhatIfRange; onRange: (r: WhatIfRange) => void }) {
  const id = useId();
  const [fromText, setFromText] = useState<string>(range.from);
  const [toText, setToText] = useState<string>(range.to);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const a = parseDate(fromText);
    if (!a.ok) return setError(`始まり: ${a.error.ja}`);
    const b = parseDate(toText);
    if (!b.ok) return setError(`終わり: ${b.error.ja}`);
    const r = checkRange(a.value, b.value);
    if (!r.ok) {
      setError(r.ja);
      return;
    }
    setError(null);
    setFromText(a.value);
    setToText(b.value);
    onRange(r.range);
  };
  const reset = () => {
    setFromText(DEFAULT_WHATIF_RANGE.from);
    setToText(DEFAULT_WHATIF_RANGE.to);
    setError(null);
    onRange(DEFAULT_WHATIF_RANGE);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      apply();
    }
  };
  return (
    <div className="whatif-range" role="group" aria-label="期間">
      <label htmlFor={`${id}-from`}>期間</label>
      <input
        id={`${id}-from`}
        className="input whatif-date"
        value={fromText}
        aria-label="期間の始まり"
        aria-invalid={error !== null && error.startsWith('始まり') ? true : undefined}
        placeholder="例: 令和6年12月1日"
        onChange={(e) => setFromText(e.target.value)}
        onKeyDown={onKey}
      />
      <span aria-hidden="true">〜</span>
      <input
        className="input whatif-date"
        value={toText}
        aria-label="期間の終わり"
        aria-invalid={error !== null && error.startsWith('終わり') ? true : undefined}
        placeholder="例: 令和9年12月31日"
        onChange={(e) => setToText(e.target.value)}
        onKeyDown={onKey}
      />
      <button type="button" className="btn btn-small" onClick={apply}>
        表示
      </button>
      {(range.from !== DEFAULT_WHATIF_RANGE.from || range.to !== DEFAULT_WHATIF_RANGE.to) && (
        <button type="button" className="btn btn-small" onClick={reset}>
          既定の期間に戻す
        </button>
      )}
      <span className="whatif-range-shown muted small">
        {formatWareki(range.from)}〜{formatWareki(range.to)}
      </span>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
