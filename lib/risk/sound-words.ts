/**
 * Words the risk guard also matches by sound: reps write them with any
 * character that sounds alike (薇信, 威芯, 吱付宝, 砖账, 咸鱼…). The table of
 * characters per syllable is built from these by scripts/build-sound-table.ts.
 * Each word names the category a stand-in of it points to.
 */
export const SOUND_TARGETS: ReadonlyArray<{ word: string; category: 'offsite_contact' | 'offsite_payment' }> = [
  { word: '微信', category: 'offsite_contact' },
  { word: '加微', category: 'offsite_contact' },
  { word: '扣扣', category: 'offsite_contact' },
  { word: '私聊', category: 'offsite_contact' },
  { word: '支付宝', category: 'offsite_payment' },
  { word: '转账', category: 'offsite_payment' },
  { word: '汇款', category: 'offsite_payment' },
  { word: '闲鱼', category: 'offsite_payment' },
  { word: '转转', category: 'offsite_payment' },
];

/** Real words that share a target's sound and are not stand-ins (微型 is not 微信). Checked by tests. */
export const SOUND_REAL_WORDS: readonly string[] = [
  '威信', '维新', '唯心', '违心', '微心', '为心', '未信', '未必信',
  '支付包', '直付宝',
  '专长', '专场', '转场', '转涨', '专章', '砖场', '转战',
  '会宽', '回款', '汇宽',
  '咸鱼翻身', '咸鱼干', '闲余', '鲜鱼', '先予', '线圈',
  '转转盘', '专转本',
  '四聊', '思量', '私了',
  '口口声声', '扣扣子', '叩叩',
];

/** Every word whose syllables the table must hold. */
export const SOUND_WORDS: readonly string[] = SOUND_TARGETS.map((t) => t.word);
