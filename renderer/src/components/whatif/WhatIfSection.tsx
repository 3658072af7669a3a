// 「日付を変えると？」: a collapsed section that loads the what-if timeline (and the engine it runs)
// only when opened, for the desk and the trainer alike.
import { lazy, Suspense, useId, useState } from 'react';
import type { WhatIfTimelineProps } from './WhatIfTimeline';

const WhatIfTimeline = lazy(() => import('./WhatIfTimeline').then((m) => ({ default: m.WhatIfTimeline })));

export function WhatIfSection(props: WhatIfTimelineProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <details
      className="whatif-section"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid="whatif-section"
    >
      <summary id={id}>
        日付を変えると？ <span className="muted small">受診日ごとの判定と、判定が変わる日</span>
      </summary>
      {open && (
        <Suspense fallback={<p className="muted">読み込んでいます…</p>}>
          <WhatIfTimeline {...props} />
        </Suspense>
      )}
    </details>
  );
}
