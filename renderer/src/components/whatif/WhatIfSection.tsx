// 「日付を変えると？」: a collapsed section that loads the what-if timeline (and the engine it runs)
// only when opened, for the desk and the trainer alike. The case is given, or fetched on opening
// (the practice feedback asks the backend for the scenario behind the question).
import { lazy, Suspense, use, useState } from 'react';
import type { Scenario } from '../../../../shared/scenario';
import type { WhatIfTimelineProps } from './WhatIfTimeline';

const WhatIfTimeline = lazy(() => import('./WhatIfTimeline').then((m) => ({ default: m.WhatIfTimeline })));

type Props = Omit<WhatIfTimelineProps, 'scenario'> & {
  scenario: Scenario | (() => Promise<Scenario | null>);
};

export function WhatIfSection({ scenario, ...rest }: Props) {
  const [open, setOpen] = useState(false);
  // a fetched case is asked for once, on the first opening
  const [pending, setPending] = useState<Promise<Scenario | null> | null>(null);
  return (
    <details
      className="whatif-section"
      open={open}
      onToggle={(e) => {
        const isOpen = e.currentTarget.open;
        setOpen(isOpen);
        if (isOpen && pending === null && typeof scenario === 'function') setPending(scenario());
      }}
      data-testid="whatif-section"
    >
      <summary>
        日付を変えると？ <span className="muted small">受診日ごとの判定と、判定が変わる日</span>
      </summary>
      {open && (
        <Suspense fallback={<p className="whatif-loading muted">読み込んでいます…</p>}>
          {typeof scenario === 'function' ? (
            pending && <Fetched pending={pending} {...rest} />
          ) : (
            <WhatIfTimeline scenario={scenario} {...rest} />
          )}
        </Suspense>
      )}
    </details>
  );
}

function Fetched({ pending, ...rest }: Omit<WhatIfTimelineProps, 'scenario'> & { pending: Promise<Scenario | null> }) {
  const scenario = use(pending);
  if (scenario === null) return <p className="whatif-loading muted">この例題を読み込めませんでした。</p>;
  return <WhatIfTimeline scenario={scenario} {...rest} />;
}
