// 研修 (trainer mode): packs and authoring, practice, exam, progress — four tabs, arrow keys move
// between them (WAI-ARIA tabs pattern).
import { useMemo, useRef, useState } from 'react';
import { useApp } from '../../store';
import type { TrainerTab } from '../../store/trainer';
import { PacksView } from './PacksView';
import { ProgressView } from './ProgressView';
import { SessionView } from './SessionView';
import './trainer.css';
import { type WeakPractice, WeakPracticeContext } from './weak-practice';

const TABS: { id: TrainerTab; label: string }[] = [
  { id: 'packs', label: 'パックと例題' },
  { id: 'practice', label: '練習' },
  { id: 'exam', label: '試験' },
  { id: 'progress', label: '成績' },
];

export function TrainerView() {
  const tab = useApp((s) => s.trainerTab);
  const setTab = useApp((s) => s.setTrainerTab);
  const deskTraining = useApp((s) => s.deskTraining);
  const setDeskTraining = useApp((s) => s.setDeskTraining);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const go = (i: number) => {
    const t = TABS[(i + TABS.length) % TABS.length]!;
    setTab(t.id);
    refs.current[(i + TABS.length) % TABS.length]?.focus();
  };
  const at = TABS.findIndex((t) => t.id === tab);
  const [preset, setPreset] = useState<WeakPractice | null>(null);
  const weak = useMemo(
    () => ({
      preset,
      choose: (p: WeakPractice | null) => {
        setPreset(p);
        if (p) setTab('practice');
      },
    }),
    [preset, setTab],
  );
  return (
    <WeakPracticeContext.Provider value={weak}>
      <div className="trainer">
        <div className="trainer-nav no-print" role="tablist" aria-label="研修のメニュー">
          {TABS.map((t, i) => (
            <button
              key={t.id}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`trainer-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls="trainer-panel"
              tabIndex={tab === t.id ? 0 : -1}
              className={tab === t.id ? 'trainer-tab active' : 'trainer-tab'}
              onClick={() => setTab(t.id)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight') go(at + 1);
                else if (e.key === 'ArrowLeft') go(at - 1);
                else if (e.key === 'Home') go(0);
                else if (e.key === 'End') go(TABS.length - 1);
                else return;
                e.preventDefault();
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
        <label className="desk-training-toggle no-print">
          <input type="checkbox" checked={deskTraining} onChange={(e) => setDeskTraining(e.target.checked)} />
          窓口の練習モード: 受付画面で患者のメモと「この患者は持っていません」の表示を隠す (受付 F1 で練習)
        </label>
        <div id="trainer-panel" role="tabpanel" aria-labelledby={`trainer-tab-${tab}`} className="trainer-panel">
          {tab === 'packs' && <PacksView />}
          {tab === 'practice' && <SessionView mode="practice" />}
          {tab === 'exam' && <SessionView mode="exam" />}
          {tab === 'progress' && <ProgressView />}
        </div>
      </div>
    </WeakPracticeContext.Provider>
  );
}
