// What trainees and patients read (issue 13): every explanation and tellPatient sentence is built
// from what the desk observed, and each text case of the issue is pinned on the bundled scenario
// the issue names (the packs come in through JSON imports, never a file read at run time).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import defaultPack from '../../packs/default-pack.json';
import deskMixPack from '../../packs/desk-mix-pack.json';
import v2BoundariesPack from '../../packs/v2-boundaries-pack.json';
import v2RulesPack from '../../packs/v2-rules-pack.json';
import { addDays } from '../dates';
import { type Scenario, parsePack, parseScenario } from '../scenario';
import { certAlertJa, deskNextSteps, elderlyCardState, elderlyRatioNote, identityCheckJa } from './explain';
import { decideScenario, observe } from './observe';
import { arbRawScenario } from './testing/arbitrary';

const bundled = new Map<string, Scenario>();
for (const pack of [defaultPack, deskMixPack, v2RulesPack, v2BoundariesPack]) {
  const parsed = parsePack(pack);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
  for (const s of parsed.scenarios) bundled.set(s.id, s);
}

/** The texts of a bundled scenario's decision. */
function texts(id: string): { ex: string; tell: string } {
  const s = bundled.get(id);
  if (!s) throw new Error(`no bundled scenario ${id}`);
  const d = decideScenario(s);
  return { ex: d.explanation, tell: d.tellPatient };
}

/** Every 「…をお持ちください」 sentence of a text. */
const bringSentences = (t: string) => t.split('。').filter((x) => x.endsWith('をお持ちください'));

describe('high: texts that contradicted the decision, the story or themselves', () => {
  it.each(['legacy-after-retire-no-online', 'kakunin-after-retire-no-online', 'kakunin-after-retire-outage'])(
    '%s: a document the desk could not check is accepted on the document, never "confirmed"',
    (id) => {
      const { ex, tell } = texts(id);
      const doc = id.startsWith('legacy') ? '保険証' : '資格確認書';
      expect(tell).toContain(
        `本日はお持ちの${doc}で保険診療として受け付けます。ご加入の保険が変わっていた場合はお知らせください (前の保険から、給付した分の返還を求められることがあります)。`,
      );
      expect(tell).not.toContain('確認できました');
      expect(tell).not.toContain('使えません');
      expect(ex).toContain(
        'オンライン資格確認で本日の資格を確かめられないため、書類の記載どおりに受け付けます (資格を喪失していた場合は、保険者が給付分の返還を患者さんに求めることがあります)。',
      );
    },
  );

  it('myna-unregistered-reader-broken: the registration is what the patient said, not what the desk saw', () => {
    const { ex } = texts('myna-unregistered-reader-broken');
    expect(ex).toContain('ご本人の申告では、マイナンバーカードを保険証として利用登録していません。');
    expect(ex).not.toContain('マイナンバーカードが保険証として利用登録されていません');
  });

  it.each(['interim-over-aug1', 'employee-early-expiry-default', 'kakunin-expired-no-interim'])(
    '%s: self-pay after a number query answered 資格有効 says the insurance is valid, the document is not',
    (id) => {
      const { tell } = texts(id);
      expect(tell).toContain(
        'ご加入の保険は有効ですが、お持ちの書類は本日は使えないため、医療費は全額 (10割) のご負担になります。',
      );
      expect(tell).not.toContain('資格を確認できない');
    },
  );

  it('smartphone-before-start: the reason is the date, not a missing reader', () => {
    const { ex } = texts('smartphone-before-start');
    expect(ex).toContain(
      'スマホのマイナ保険証は読み取れませんでした (スマホのマイナ保険証は令和7年9月19日から利用開始)。',
    );
    expect(ex).not.toContain('汎用カードリーダーがない');
  });

  it('kakunin-73-elderly-card-expired: a presented but expired 高齢受給者証 is named as expired', () => {
    const { ex, tell } = texts('kakunin-73-elderly-card-expired');
    expect(ex).toContain(
      '70〜74歳のため高齢受給者証が必要ですが、提示された高齢受給者証は有効期限 (令和7年7月31日) を過ぎています。',
    );
    expect(ex).not.toContain('提示がありません');
    expect(tell).toContain(
      'お持ちの高齢受給者証は本日は使えません。新しい高齢受給者証が届いていましたら次回ご提示ください。',
    );
  });

  it('limit-cert-expired: a presented but expired 限度額適用認定証 is named as expired', () => {
    const { ex, tell } = texts('limit-cert-expired');
    expect(ex).toContain(
      '提示された限度額適用認定証は有効期限 (令和7年12月31日) を過ぎています。限度額の適用には有効な限度額適用認定証が必要です。',
    );
    expect(tell).toContain(
      'お持ちの限度額適用認定証は有効期限が切れています。新しい限度額適用認定証をお持ちでしたらご提示ください',
    );
  });

  it('reader-failure-declaration-filled: a 申立書 already handed in is not asked for again', () => {
    const { ex, tell } = texts('reader-failure-declaration-filled');
    expect(tell).toContain('ご記入いただいた被保険者資格申立書をお預かりします。');
    expect(tell).not.toContain('ご記入ください');
    expect(ex).toContain('記入済みの被保険者資格申立書を受け取り');
  });

  it('new-hire-lag-september-smartphone: only the smartphone was read, so it is the smartphone that identified', () => {
    const { ex, tell } = texts('new-hire-lag-september-smartphone');
    expect(ex).toContain('スマホのマイナ保険証で本人確認のうえ、被保険者資格申立書に記入してもらい');
    expect(ex).not.toContain('マイナンバーカードで本人確認');
    expect(tell).toContain('スマホのマイナ保険証で資格を確認できませんでしたが');
  });

  it('kouki-legacy-jul31: no 後期 お知らせ suggested before 令和8年8月1日 (none exist yet)', () => {
    const { tell } = texts('kouki-legacy-jul31');
    expect(tell).toContain('その後は資格確認書をお持ちください。');
    expect(tell).not.toContain('資格情報のお知らせ');
  });

  it('portal-screenshot-reject and portal-without-card: self-pay gives its reason', () => {
    expect(texts('portal-screenshot-reject').ex).toContain(
      'マイナポータルのスクリーンショット・印刷は、当院の設定では資格確認に使えません (使えるのはスマホの画面か保存した PDF です)。',
    );
    expect(texts('portal-without-card').ex).toContain(
      'マイナポータルの資格情報は、マイナンバーカード本体での本人確認と一緒でなければ使えません。',
    );
  });

  it.each(['portal-without-card', 'kouki-myna-only-no-online-aug1', 'interim-no-online-policy'])(
    '%s: at a clinic without online check, the advice names what works there (not a マイナ保険証 alone)',
    (id) => {
      const [bring, ...more] = bringSentences(texts(id).tell);
      expect(more).toEqual([]);
      expect(bring).toMatch(
        /^次回は資格確認書、またはマイナンバーカードと資格情報のお知らせ \(マイナポータルの資格情報画面でも可\)/,
      );
    },
  );
});

describe('medium: misleading or clumsy', () => {
  it.each(['kokuho-moved-legacy', 'kakunin-after-retire-invalid-new', 'first-age75-birthday-kokuho-kakunin'])(
    '%s: the same advice is given once',
    (id) => {
      const bring = bringSentences(texts(id).tell);
      expect(bring).toHaveLength(1);
      expect(texts(id).tell).not.toContain('保険が変わった場合');
    },
  );

  it('legacy-kyokai-interim-lost-job: a patient with no insurance is sent to the 市区町村 to join 国民健康保険', () => {
    const { tell } = texts('legacy-kyokai-interim-lost-job');
    expect(tell).toContain(
      '現在ご加入の健康保険がないため、本日は医療費の全額 (10割) のご負担になります。お住まいの市区町村で国民健康保険の加入手続きをしてください。加入後に申請すると、保険給付分の払い戻し (療養費) を受けられる場合があります。',
    );
    expect(tell).not.toContain('加入している保険者');
  });

  it('uninsured-after-retirement: no 「保険が変わった場合」 for a patient who has none', () => {
    const { tell } = texts('uninsured-after-retirement');
    expect(tell).toContain(
      'お住まいの市区町村で国民健康保険の加入手続きをしてください。加入後は新しい保険の資格確認書か',
    );
    expect(tell).not.toContain('保険が変わった場合');
  });

  it('job-change-invalid-old-qualification: the マイナ保険証 is the same card, linked to the new insurer', () => {
    const { tell } = texts('job-change-invalid-old-qualification');
    expect(tell).toContain(
      '保険が変わった場合は、新しい保険の資格確認書か、マイナ保険証 (新しい保険が登録されると、お持ちのマイナンバーカードでそのまま使えます)をお持ちください。',
    );
    expect(tell).not.toContain('新しい保険のマイナ保険証');
  });

  it('legacy-kyokai-interim-first-day: the patient can be seen, not on insurance', () => {
    const { tell } = texts('legacy-kyokai-interim-first-day');
    expect(tell).toContain('令和8年7月31日を過ぎると、この書類だけでは保険診療を受けられません。');
    expect(tell).not.toContain('受診できません');
  });

  it('age75-birthday-kokuho-kakunin-void: R6 in 和暦 like every other text', () => {
    const { ex } = texts('age75-birthday-kokuho-kakunin-void');
    expect(ex).toContain('後期高齢者医療の加入者には、令和8年7月31日まで全員に資格確認書が交付されています。');
    expect(ex).not.toMatch(/20\d\d年/);
  });

  it('limit-kouki-needs-kakunin-with-limit: the 市区町村 window, not 広域連合', () => {
    const { tell } = texts('limit-kouki-needs-kakunin-with-limit');
    expect(tell).toContain(
      '限度額の区分が記載された資格確認書を、お住まいの市区町村の後期高齢者医療の窓口に申請してください。',
    );
    expect(tell).not.toContain('広域連合');
  });

  it('return-elderly-low-income-limit-no-consent: the 低所得 certificate by its name', () => {
    const { ex, tell } = texts('return-elderly-low-income-limit-no-consent');
    expect(ex).toContain('限度額の適用には限度額適用・標準負担額減額認定証が必要です。');
    expect(tell).toContain('限度額適用・標準負担額減額認定証をお持ちでしたらご提示ください');
  });
});

describe('low: the lesson each case teaches', () => {
  it('legacy-kumiai-printed-after-last: why a 保険証 printed beyond 令和7年12月1日 ends there', () => {
    expect(texts('legacy-kumiai-printed-after-last').ex).toContain(
      '保険証に印字された有効期限は令和8年3月31日ですが、保険証は経過措置で令和7年12月1日までしか使えません。',
    );
  });

  it('preschool and 70–74 ratios say why', () => {
    expect(texts('preschool-born-apr2-kakunin').ex).toContain('未就学児のため負担割合は2割です。');
    expect(texts('return-reader-failure-72-kokuho').ex).toContain('70〜74歳のため負担割合は2割です。');
  });

  it('限度額: why no document is needed — consent, a shown certificate, a printed 区分, the 一般 bracket', () => {
    expect(texts('limit-kakunin-online-consent').ex).toContain(
      '記号・番号の照会で、ご本人の同意を得て限度額区分を確認できるため、限度額適用認定証は不要です。',
    );
    expect(texts('limit-cert-presented').ex).toContain('限度額適用認定証 (区分: エ) を確認しました。');
    expect(texts('limit-kouki-kakunin-shows-limit').ex).toContain(
      '資格確認書に限度額区分が記載されているため、認定証は不要です。',
    );
    expect(texts('limit-72-ippan').ex).toContain(
      '限度額区分が「一般」の方には認定証が交付されないため、提示は不要です (区分はご本人に確認します)。',
    );
  });

  it('two documents of one kind: which was used (the insurer and the date it starts)', () => {
    expect(texts('age75-eve-two-kakunin').ex).toContain(
      '資格確認書が2枚あるため、本日使える国民健康保険のもの (令和7年8月1日から有効)を使います。',
    );
    expect(texts('age75-eve-two-kakunin').ex).toContain(
      '資格確認書 (後期高齢者医療): 資格取得日 (令和8年3月10日) より前は使えません。',
    );
    expect(texts('return-two-elderly-cards-august').ex).toContain(
      '70〜74歳のため高齢受給者証を確認し、2枚のうち本日有効なもの (令和9年7月31日まで) の負担割合 (3割) を適用します。',
    );
  });

  it('R3: the 高齢受給者証・限度額 sentence only where the paper could have been needed', () => {
    expect(texts('myna-unregistered-registers').ex).not.toContain('提示は不要');
    expect(texts('myna-72-online').ex).toContain('高齢受給者証の提示は不要です (オンライン資格確認で確認できます)。');
    expect(texts('limit-myna-online').ex).toContain(
      '限度額適用認定証の提示は不要です (オンライン資格確認で確認できます)。',
    );
    // and never beside a 限度額 document that is still needed
    expect(texts('v2-limit-not-on-file-kouki').ex).not.toContain('提示は不要');
  });

  it('self-pay: a refund that may be granted (not a promise), from 「ご加入の健康保険」', () => {
    const { tell } = texts('interim-over-aug1');
    expect(tell).toContain(
      '後日、ご加入の健康保険に申請すると、保険給付分の払い戻し (療養費) を受けられる場合があります。',
    );
    for (const s of bundled.values()) {
      const d = decideScenario(s);
      expect(d.tellPatient).not.toContain('払い戻しを受けられます');
      expect(d.tellPatient).not.toMatch(/(?<!被)保険者/);
    }
  });

  it('reader-failure-first-visit: the patient is told never to write the My Number on the 申立書', () => {
    expect(texts('reader-failure-first-visit').tell).toContain(
      'お手数ですが、こちらの被保険者資格申立書にご記入ください。マイナンバー (個人番号) は書かないでください。',
    );
  });
});

describe('every sentence is built from the observation', () => {
  const arbScenario = arbRawScenario
    .map((raw) => parseScenario(raw))
    .filter((r): r is Extract<typeof r, { ok: true }> => r.ok)
    .map((r) => r.scenario);

  /** Truth the desk cannot see directly: when the online system learned of a coverage or its loss, PMH, the 医療券. */
  const arbHidden = fc.record({
    coverage: fc.nat(),
    registeredShift: fc.integer({ min: -40, max: 40 }),
    lossShift: fc.integer({ min: 0, max: 40 }),
    pmh: fc.boolean(),
    ticket: fc.boolean(),
  });

  type Hidden = typeof arbHidden extends fc.Arbitrary<infer T> ? T : never;

  function withOtherTruth(s: Scenario, h: Hidden): Scenario {
    const t = structuredClone(s);
    const c = t.patient.coverages[h.coverage % Math.max(1, t.patient.coverages.length)];
    if (c) {
      c.registeredOn = addDays(c.registeredOn ?? c.acquiredOn, h.registeredShift);
      if (c.lostOn !== null) c.lossRegisteredOn = addDays(c.lostOn, h.lossShift);
    }
    for (const k of t.patient.kohi) k.pmhRegistered = h.pmh;
    if (t.patient.welfare) t.patient.welfare.ticketRegistered = h.ticket;
    return t;
  }

  const desk = (s: Scenario) => {
    const { hindsight: _h, ...rest } = observe(s);
    return JSON.stringify(rest);
  };

  it('two scenarios that differ only in truth the desk did not observe get the same explanation and tellPatient', () => {
    let same = 0;
    let hiddenDiffered = 0;
    fc.assert(
      fc.property(arbScenario, arbHidden, (s, h) => {
        const other = withOtherTruth(s, h);
        if (desk(other) !== desk(s)) return; // the desk saw a difference: the texts may differ
        same += 1;
        if (JSON.stringify(observe(other).hindsight) !== JSON.stringify(observe(s).hindsight)) hiddenDiffered += 1;
        const a = decideScenario(s);
        const b = decideScenario(other);
        expect({ explanation: b.explanation, tellPatient: b.tellPatient }).toEqual({
          explanation: a.explanation,
          tellPatient: a.tellPatient,
        });
      }),
      { numRuns: 1500 },
    );
    // not vacuous: many pairs looked the same to the desk, and some differed in what only the simulation knew
    expect(same).toBeGreaterThan(300);
    expect(hiddenDiffered).toBeGreaterThan(10);
  });

  it('the bundled lost-coverage cases read exactly like their twins whose coverage was never lost', () => {
    for (const id of ['kakunin-after-retire-outage', 'v2-dependent-holder-75-no-online']) {
      const s = bundled.get(id)!;
      const twin = structuredClone(s);
      for (const c of twin.patient.coverages) {
        c.lostOn = null;
        c.lossRegisteredOn = null;
        c.lostWithHolder = false;
        c.holderBirthDate = null;
      }
      const a = decideScenario(s);
      const b = decideScenario(twin);
      expect(a.notes).toContain('insurer-may-reclaim'); // the simulation knows the coverage was lost …
      expect(b.notes).not.toContain('insurer-may-reclaim');
      expect(b.explanation).toBe(a.explanation); // … the desk does not, and says the same
      expect(b.verdict).toBe(a.verdict);
    }
  });
});

describe('the desk says one thing at a time (issue 10): lines beside the verdict and in the result panel', () => {
  const decision = (id: string) => decideScenario(bundled.get(id)!);

  it.each(['reader-failure-first-visit', 'reader-failure-portal-during-lag'])(
    '%s: after a card the reader could not read, the ladder before the 申立書',
    (id) => {
      const steps = deskNextSteps(decision(id));
      expect(steps[0]).toContain('申立ての前に次のどれかをお持ちでないか確認してください');
      expect(steps[0]).toContain('マイナンバーカードと資格情報のお知らせ');
      expect(steps[0]).toContain('スマホのマイナポータルの資格情報画面');
      expect(steps[1]).toBe('どれもないときは、被保険者資格申立書に記入していただきます。');
    },
  );

  it('return-reader-failure-oral: on a return visit the last step is the oral check, not the form', () => {
    expect(deskNextSteps(decision('return-reader-failure-oral'))[1]).toBe(
      'どれもないときは、前回から保険の内容に変更がないことを口頭で確認して受け付けます (再診)。',
    );
  });

  it('cert-grace-month-end-over: an expired certificate cannot log in: a saved PDF, not the screen', () => {
    const [ladder] = deskNextSteps(decision('cert-grace-month-end-over'));
    expect(ladder).toContain('マイナポータルの資格情報を前に保存した PDF');
    expect(ladder).not.toContain('資格情報画面、');
  });

  it('return-reader-failure-oshirase-invalid: a number query answered 資格(無効): no ladder (the documents were tried)', () => {
    expect(deskNextSteps(decision('return-reader-failure-oshirase-invalid'))).toEqual([]);
  });

  it.each(['myna-multiple-coverages', 'return-age75-overlap-multiple'])('%s: 複数該当 asks which coverage', (id) => {
    expect(deskNextSteps(decision(id))).toEqual([
      '複数の保険が該当しました。どの保険で受診するか患者さんに確認してください。',
    ]);
  });

  it.each(['interim-over-aug1', 'kakunin-expired-no-interim'])(
    '%s: 資格有効 beside 自費 says the document, not the insurance, is the problem',
    (id) => {
      expect(deskNextSteps(decision(id))).toEqual([
        '照会では資格有効ですが、提示された書類は本日は使えないため自費 (10割) です。マイナ保険証か有効な資格確認書があれば保険で受け付けます。',
      ]);
    },
  );

  it('an ordinary マイナ保険証 visit has nothing to add', () => {
    expect(deskNextSteps(decision('myna-pin-locked'))).toEqual([]);
  });

  it('高齢受給者証: not needed, checked with the ratio applied, or missing', () => {
    expect(elderlyCardState(decision('myna-pin-locked'))).toEqual({ text: '不要', missing: false });
    expect(elderlyCardState(decision('return-two-elderly-cards-july'))).toEqual({
      text: '確認済み (2割)',
      missing: false,
    });
    expect(elderlyCardState(decision('kakunin-72-kyokai-no-elderly-card'))).toEqual({
      text: '必要 (未提示)',
      missing: true,
    });
  });

  it('the online ratio beside a card still needed says why it does not settle the copay', () => {
    expect(elderlyRatioNote(decision('kakunin-72-kyokai-no-elderly-card'))).toBe(
      '照会結果にも高齢受給者の負担割合は表示されますが、マイナ保険証以外で受け付けたときは保険者が高齢受給者証の提示を求めています。提示があるまでは3割 (仮) でお預かりし、提示されたときに差額を精算します。',
    );
    expect(elderlyRatioNote(decision('kakunin-72-kyokai-elderly-card-online'))).toBeNull();
  });

  it('how the holder was identified, and the e-certificate alert', () => {
    expect(identityCheckJa(decision('myna-pin-locked'), 'card')).toBe('顔認証または目視確認 (暗証番号はロック中)');
    expect(identityCheckJa(decision('cert-grace-month-end-last-day'), 'card')).toBe('顔認証または暗証番号');
    expect(identityCheckJa(decision('smartphone-and-card-cert-grace'), 'smartphone')).toBe(
      'スマホでの本人確認 (暗証番号または生体認証)',
    );
    expect(identityCheckJa(decision('reader-failure-first-visit'), 'card')).toBeNull();
    expect(certAlertJa(decision('cert-grace-month-end-last-day'))).toBe(
      '電子証明書の有効期限が切れています (猶予期間中のため資格確認できました)。更新を案内してください。',
    );
    expect(certAlertJa(decision('cert-grace-month-end-over'))).toBe(
      '電子証明書の有効期限が切れています。市区町村での更新を案内してください。',
    );
    expect(certAlertJa(decision('myna-pin-locked'))).toBeNull();
  });
});
