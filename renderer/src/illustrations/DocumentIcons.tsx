// Simple line drawings of each document, drawn for this app (no copied images). Decorative: the
// buttons carry the document's Japanese name as their accessible name.
import type { ReactElement } from 'react';
import type { DocumentKind } from '../../../shared/enums';

const S = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2.2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

function Card({ children }: { children?: ReactElement | ReactElement[] }) {
  return (
    <>
      <rect x="6" y="10" width="52" height="34" rx="4" {...S} />
      {children}
    </>
  );
}

const ICONS: Record<DocumentKind, ReactElement> = {
  // card with a chip and a face photo
  'myna-card': (
    <Card>
      <rect x="12" y="19" width="9" height="7" rx="1.5" {...S} />
      <circle cx="46" cy="22" r="4" {...S} />
      <path d="M39 34c1.5-4 12.5-4 14 0" {...S} />
      <path d="M12 33h18M12 38h12" {...S} />
    </Card>
  ),
  // a phone showing a small card
  'myna-smartphone': (
    <>
      <rect x="21" y="4" width="22" height="44" rx="4" {...S} />
      <path d="M29 8h6" {...S} />
      <rect x="25" y="17" width="14" height="10" rx="1.5" {...S} />
      <path d="M26 33h12M26 38h8" {...S} />
    </>
  ),
  // an A4-like sheet with a stamp box: 資格確認書
  'kakunin-sho': (
    <>
      <path d="M16 4h24l8 8v36H16z" {...S} />
      <path d="M40 4v8h8" {...S} />
      <path d="M21 17h14M21 24h22M21 30h22M21 36h14" {...S} />
      <rect x="36" y="35" width="8" height="8" rx="1" {...S} />
    </>
  ),
  // the old plastic insurance card with a crossed corner (no longer issued)
  'legacy-card': (
    <Card>
      <path d="M12 17h22M12 23h28M12 29h18M12 35h24" {...S} />
      <path d="M46 30l7 7M53 30l-7 7" {...S} />
    </Card>
  ),
  // a letter with a fold line: 資格情報のお知らせ
  oshirase: (
    <>
      <rect x="8" y="8" width="48" height="36" rx="2" {...S} />
      <path d="M8 26h48" {...S} strokeDasharray="3 3" />
      <path d="M14 15h20M14 20h30M14 33h24M14 38h16" {...S} />
    </>
  ),
  // a screen with a user icon: マイナポータル
  mynaportal: (
    <>
      <rect x="8" y="6" width="48" height="32" rx="3" {...S} />
      <path d="M26 46h12M32 38v8" {...S} />
      <circle cx="22" cy="19" r="4" {...S} />
      <path d="M15 31c1.5-4 12.5-4 14 0" {...S} />
      <path d="M34 16h16M34 22h16M34 28h10" {...S} />
    </>
  ),
  // a card with a walking stick: 高齢受給者証
  'elderly-card': (
    <Card>
      <path d="M12 17h20M12 23h16" {...S} />
      <path d="M44 16c3 0 5 2 5 4v18" {...S} />
      <path d="M12 34h6M22 34h6" {...S} />
      <circle cx="38" cy="35" r="4" {...S} />
    </Card>
  ),
  // a card with a ceiling bar over rising bars: 限度額適用認定証
  'limit-cert': (
    <Card>
      <path d="M14 18h36" {...S} strokeDasharray="4 3" />
      <path d="M18 38v-8M26 38v-12M34 38v-16M42 38v-16" {...S} />
    </Card>
  ),
  // a form and a pen: 被保険者資格申立書
  declaration: (
    <>
      <path d="M12 4h28v44H12z" {...S} />
      <path d="M17 12h18M17 18h18M17 24h12" {...S} />
      <path d="M17 38h10" {...S} />
      <path d="M52 14l4 4-18 18-6 2 2-6z" {...S} />
    </>
  ),
  // a card with a round seal: 受給者証・医療証
  'kohi-cert': (
    <Card>
      <circle cx="20" cy="27" r="7" {...S} />
      <path d="M34 20h18M34 27h14M34 34h18" {...S} />
    </Card>
  ),
  // a ticket with a torn edge: 医療券
  'medical-ticket': (
    <>
      <path d="M8 14h48v8a5 5 0 0 0 0 10v8H8v-8a5 5 0 0 0 0-10z" {...S} />
      <path d="M18 22h22M18 29h16" {...S} />
    </>
  ),
  // a form with a cross (first aid): 労災の請求書
  'rousai-form': (
    <>
      <path d="M14 4h36v44H14z" {...S} />
      <path d="M32 12v12M26 18h12" {...S} />
      <path d="M20 32h24M20 38h18" {...S} />
    </>
  ),
};

export function DocumentIcon({ kind }: { kind: DocumentKind }) {
  return (
    <svg className="doc-icon" viewBox="0 0 64 52" width="56" height="46" aria-hidden="true" focusable="false">
      {ICONS[kind]}
    </svg>
  );
}
