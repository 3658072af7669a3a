// Rules as data: the one table the engine, its explanations, the UI and the tests read.
// Each entry: Japanese title, a short Japanese explanation, and the source (document name + URL)
// from ../shared/spec/domain-research.md.
import type { RuleId } from './enums';

export interface RuleInfo {
  title: string;
  summary: string;
  source: { name: string; url: string };
  /** a decision never lists it (RULES.md "What rules and notes list"): no pack mix or progress row for it */
  neverListed?: true;
}

export const RULES: Readonly<Record<RuleId, RuleInfo>> = {
  R1: {
    title: '従来の健康保険証',
    summary:
      '2024年12月1日までに発行された保険証は、印字の有効期限と2025年12月1日の早い方まで使えます。資格を喪失すると期限内でも使えません。',
    source: {
      name: '厚生労働省「マイナ保険証の利用や資格確認書等について」',
      url: 'https://www.mhlw.go.jp/stf/newpage_50657.html',
    },
  },
  R2: {
    title: '暫定的な取扱い (期限切れの保険証・お知らせのみ)',
    summary:
      '期限切れの保険証や資格情報のお知らせのみの患者も、オンライン資格確認で資格を照会できれば、暫定的に通常の負担割合で受け付けられます (国保・後期は2025年8月1日、その他は2025年12月2日から、設定した終了日まで)。',
    source: {
      name: '厚生労働省 事務連絡 (2025-06-27 疑義解釈 / 2025-11-12) — 京都府医師会の掲載',
      url: 'https://www.kyoto.med.or.jp/kankei/3077.php',
    },
  },
  R3: {
    title: 'マイナ保険証によるオンライン資格確認',
    summary:
      'オンライン資格確認で資格有効なら保険診療。負担割合はシステムの結果により、高齢受給者証・限度額適用認定証の提示は不要です。',
    source: {
      name: '厚生労働省「マイナ保険証の利用や資格確認書等について」',
      url: 'https://www.mhlw.go.jp/stf/newpage_50657.html',
    },
  },
  R4: {
    title: 'マイナ保険証 + 資格情報のお知らせ / マイナポータル',
    summary:
      'オンライン資格確認で確認できないときは、マイナ保険証に資格情報のお知らせかマイナポータルの資格情報画面 (PDF含む) を添えて確認します。お知らせだけ、カードだけでは確認できません。',
    source: {
      name: '厚生労働省「マイナ保険証の利用や資格確認書等について」',
      url: 'https://www.mhlw.go.jp/stf/newpage_50657.html',
    },
  },
  R5: {
    title: '資格確認書',
    summary:
      '資格確認書は有効期間内であれば、オンライン資格確認の有無にかかわらずそれだけで使えます。ただし資格喪失後は使えません。',
    source: {
      name: '協会けんぽ石川支部「資格確認書について」',
      url: 'https://www.kyoukaikenpo.or.jp/shibu/ishikawa/cat080/20180116001',
    },
  },
  R6: {
    title: '後期高齢者医療の資格確認書 (全員交付)',
    summary:
      '2026年7月31日までは後期高齢者医療の加入者全員に資格確認書が交付されています。後期の資格情報のお知らせは2026年8月1日からです。',
    source: {
      name: '福島市「後期高齢者医療の資格確認書」',
      url: 'https://www.city.fukushima.fukushima.jp/soshiki/7/1030/3/13609.html',
    },
  },
  R7: {
    title: '高齢受給者証 (70〜74歳)',
    summary:
      '70〜74歳の方を書類で受け付けるときは、保険者が別に交付する高齢受給者証で負担割合を確認します (国保で保険証兼用の場合を除く)。提示がなければいったん3割とし、後で差額を精算します。',
    source: {
      name: '協会けんぽ「高齢受給者証について」',
      url: 'https://www.kyoukaikenpo.or.jp/g7/cat710/sb3160/sbb3166/260812',
    },
  },
  R8: {
    title: '電子証明書の有効期限切れ',
    summary:
      '利用者証明用電子証明書の期限が切れても、カードは3か月間 (起点は設定) 資格確認に使えます。スマホのマイナ保険証に猶予はありません。',
    source: {
      name: '協会けんぽ「マイナンバーカードの電子証明書の有効期限」',
      url: 'https://www.kyoukaikenpo.or.jp/g1/r7-7/7071601',
    },
  },
  R9: {
    title: '資格確認ができないとき (被保険者資格申立書)',
    summary:
      'マイナ保険証で資格確認できないときは、再診なら口頭確認、初診などは被保険者資格申立書の記入で、通常の負担割合で受け付けます。',
    source: {
      name: '厚生労働省 保発0710第1号 (2023-07-10)',
      url: 'https://www.mhlw.go.jp/web/t_doc?dataId=00tc7821&dataType=1&pageNo=1',
    },
  },
  R10: {
    title: '資格(無効)・資格情報なし',
    summary:
      '就職直後の登録待ちなどで資格(無効)や資格情報なしと表示されたときは、申立書で受け付け、旧資格請求または後日確認して請求します (不詳請求は保険者番号 77777777 / 77777779)。',
    source: { name: '道職員共済 Q&A「資格情報なしと表示された」', url: 'https://www.dokenpo.or.jp/qa/detail_225' },
  },
  R11: {
    title: '自費 (10割)',
    summary:
      '有効な確認手段がなければ10割負担です。再診の患者は医療機関の判断で通常の負担割合とすることもあり、患者は後日保険者に療養費を請求できます。',
    source: {
      name: '厚生労働省「マイナ保険証の利用や資格確認書等について」',
      url: 'https://www.mhlw.go.jp/stf/newpage_50657.html',
    },
  },
  R12: {
    title: '資格喪失後の書類',
    summary:
      '資格を喪失すると、その保険の資格確認書・保険証・お知らせは期限内でも無効です。使った場合、保険者が給付分 (7〜9割) の返還を求めます。75歳の誕生日からは後期高齢者医療以外の保険は終わります。',
    source: {
      name: '協会けんぽ岩手支部「退職後の保険証の使用」',
      url: 'https://www.kyoukaikenpo.or.jp/shibu/iwate/cat080/20140408006',
    },
  },
  R13: {
    title: '限度額適用',
    summary:
      'マイナ保険証なら認定証は不要。書類で受け付けるときは、同意のうえの照会、区分が記載された資格確認書、または限度額適用認定証が必要です (後期の認定証は2024年12月2日で新規交付終了)。',
    source: {
      name: '協会けんぽ岡山支部「限度額適用認定証」',
      url: 'https://www.kyoukaikenpo.or.jp/shibu/okayama/cat080/2024071903',
    },
  },
  R14: {
    title: 'スマホのマイナ保険証',
    summary:
      'スマートフォンのマイナ保険証は2025年9月19日から、汎用カードリーダーのある医療機関で使えます。初診ではカード本体の持参をお勧めします。',
    source: {
      name: 'JSR健保「スマートフォンのマイナ保険証」',
      url: 'https://www.jsrkenpo.or.jp/application_categories/tetsuzuki_hokensho/',
    },
  },
  R15: {
    neverListed: true,
    title: '年齢と負担割合',
    summary: '未就学は2割、70〜74歳は2割 (現役並み3割)、75歳の誕生日から後期高齢者医療で1〜3割、その他は3割です。',
    source: {
      name: '岡崎市「医療費の自己負担割合」',
      url: 'https://www.city.okazaki.lg.jp/1100/1107/1147/p007347.html',
    },
  },
  R16: {
    neverListed: true,
    title: '退職時の返却',
    summary:
      '保険証は2025年12月1日までの退職なら資格喪失届とともに返却、それ以降は不要。お知らせは返却不要。資格確認書は有効期間内なら返却します。',
    source: {
      name: '日本年金機構「資格喪失時の保険証の回収」',
      url: 'https://www.nenkin.go.jp/service/kounen/tekiyo/hihokensha2/20120803-04.html',
    },
  },
  R17: {
    title: '登録までの期間 (営業日)',
    summary:
      '資格取得届の受理から、マイナンバー記載ありで2〜5営業日程度で登録されます。記載がないとさらに時間がかかります。営業日は土日祝と12月29日〜1月3日を除きます。',
    source: {
      name: '協会けんぽ 事業主向けリーフレット「保険証のルールが変わります」/ 富士フイルム健保のお知らせ',
      url: 'https://www.fujifilm-kenpo.or.jp/news/5611/',
    },
  },
  R18: {
    neverListed: true,
    title: 'マイナンバーは扱わない',
    summary: '医療機関は12桁の個人番号 (マイナンバー) を収集・保管してはいけません (番号法第20条)。',
    source: {
      name: '三重県労働者福祉協議会「マイナンバーの取扱い」',
      url: 'https://www.miekenro.or.jp/myna/index.html',
    },
  },
  R19: {
    neverListed: true,
    title: '検証番号 (チェックデジット)',
    summary: '保険者番号・公費負担者番号・受給者番号の最後の桁は検証番号です。入力ミスを見つけられます。',
    source: { name: '保険者番号の構成', url: 'https://www.mixtrivia.com/entry/hokensho' },
  },
  R20: {
    title: '暗証番号ロック・目視確認モード',
    summary:
      '暗証番号を3回間違えるとロックされますが、顔認証か目視確認モードで資格確認は続けられます。職員は暗証番号を聞いたり入力したりしません。',
    source: {
      name: 'TBS NEWS DIG「マイナ保険証 顔認証・暗証番号」',
      url: 'https://newsdig.tbs.co.jp/articles/itv/1447618?page=3',
    },
  },
  R21: {
    title: '公費負担医療 (難病・小児慢性・自立支援)',
    summary:
      '指定難病 (法別54)・小児慢性特定疾病 (52) は2割、自立支援医療 (精神通院21・更生15・育成16) は1割 (保険の負担割合が低ければそのまま)。受給者証に記載された指定医療機関で、有効期間内に限ります。月の自己負担上限額に達したら (上限額管理票)、その月はそれ以上払いません。',
    source: {
      name: '愛知県「マイナンバーカードを活用した医療受給者証情報のオンライン資格確認について」',
      url: 'https://www.pref.aichi.jp/soshiki/kenkotaisaku/nanbyo-pmh.html',
    },
  },
  R22: {
    title: '医療証 (子ども・ひとり親・重度障害)',
    summary:
      '市区町村の医療証は、交付した都道府県内の医療機関でだけ使えます (公費負担者番号は8か9で始まります)。負担なし・割合・1回あたりの定額があります。都道府県外や医療証を出せなかったときは保険の負担割合で支払い、後で市区町村に払い戻しを申請します (償還払い)。',
    source: {
      name: '八王子市「マル乳、マル子、マル青、マル親医療証のPMH連携開始について」',
      url: 'https://kosodate.city.hachioji.tokyo.jp/soshiki/kosodateshienka/3742.html',
    },
  },
  R23: {
    title: 'PMH (自治体と医療機関をつなぐ情報連携)',
    summary:
      'PMH に接続した医療機関では、マイナ保険証で資格確認すると、PMH に登録された受給者証・医療証の情報も返るため、紙の受給者証は不要です。番号での照会や書類での受付では紙が必要です。',
    source: {
      name: '甲府市「小児慢性特定疾病医療費助成制度におけるオンライン資格確認」(PMH, 2025年3月4日から)',
      url: 'https://www.city.kofu.yamanashi.jp/bosihoken/syomanpmh.html',
    },
  },
  R24: {
    title: '生活保護 (医療扶助)',
    summary:
      '生活保護を受けている人は国保・後期高齢者医療から外れます。健康保険がなければ医療扶助で受け付け、窓口負担はありません。2024年3月1日から、マイナンバーカードで医療扶助のオンライン資格確認 (医療券の登録確認) ができます。確認できなければ紙の医療券、なければ福祉事務所に連絡します。被用者保険に加入したままなら、自己負担分を医療扶助が負担します。',
    source: {
      name: '高砂市「医療扶助のオンライン資格確認について」',
      url: 'https://www.city.takasago.lg.jp/soshikikarasagasu/seikatsufukushika/seikatsuhogo/11135.html',
    },
  },
  R25: {
    title: '労災・通勤災害・交通事故',
    summary:
      '仕事中・通勤中のけがには健康保険を使えません (健康保険法第1条)。労災指定医療機関では労災保険で受け付け、請求書 (様式第5号・通勤災害は第16号の3) が届くまでは10割を預かることが多いです。指定外の医療機関では全額支払い、労働基準監督署に請求します。交通事故のけがは健康保険を使えますが、保険者に「第三者行為による傷病届」が必要です。',
    source: {
      name: '労災保険の手続き「健康保険から労災保険への切り替え」(様式第5号・第16号の3、第三者行為)',
      url: 'https://www.trouble-buster.com/rousaihoken/kirikae/',
    },
  },
  R26: {
    title: '被扶養者の資格喪失',
    summary:
      '被扶養者 (家族) の健康保険は、被保険者の退職・死亡や75歳の誕生日 (後期高齢者医療には被扶養者がない) とともに終わります。75歳未満の家族は国民健康保険などに加入します。',
    source: {
      name: '横浜ゴム健康保険組合 よくある質問「75歳になった被保険者の家族は?」',
      url: 'https://www.yokohamagomu-kenpo.or.jp/asp/faq/faq.asp?articleid=8174&categoryid=9',
    },
  },
};

/** The rules a decision can list, in the rule book's order (a pack's mix, the progress report). */
export const LISTED_RULES: readonly RuleId[] = (Object.keys(RULES) as RuleId[]).filter(
  (r) => RULES[r].neverListed !== true,
);
