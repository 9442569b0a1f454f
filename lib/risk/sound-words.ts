/**
 * Words the risk guard also matches by sound: reps write them with any
 * character that sounds alike (薇信, 威芯, 吱付宝, 砖账, 咸鱼…). The table of
 * characters per syllable is built from these by scripts/build-sound-table.ts.
 * Each word names the category a stand-in of it points to.
 */
// Only words whose sound-alikes are rare in ordinary replies: 闲鱼 (xian yu) is left to the
// lexicon's listed aliases, since 限于/现与 share its sound in everyday sentences.
export const SOUND_TARGETS: ReadonlyArray<{ word: string; category: 'offsite_contact' | 'offsite_payment' }> = [
  { word: '微信', category: 'offsite_contact' },
  { word: '扣扣', category: 'offsite_contact' },
  { word: '支付宝', category: 'offsite_payment' },
  { word: '转账', category: 'offsite_payment' },
  { word: '汇款', category: 'offsite_payment' },
];

/** Real words that share a target's sound and are not stand-ins (微型 is not 微信). Checked by tests. */
export const SOUND_REAL_WORDS: readonly string[] = [
  '威信',
  '维新',
  '唯心',
  '违心',
  '未信',
  '维信',
  '伪心',
  '专长',
  '专章',
  '专张',
  '转涨',
  '篆章',
  '回款',
  '汇款单',
  '会宽',
  '灰宽',
  '口口',
  '扣扣子',
  '叩叩',
];

/** Every word whose syllables the table must hold. */
export const SOUND_WORDS: readonly string[] = SOUND_TARGETS.map((t) => t.word);
