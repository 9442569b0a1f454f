/**
 * Every UI string in both languages. Components call t('key'); nothing in a
 * component is hard-coded. Chinese is the default; English follows the
 * browser language or the rep's choice in settings.
 */
export const STRINGS = {
  appName: { zh: '话术', en: 'Huashu' },
  collapse: { zh: '收起', en: 'Collapse' },
  expand: { zh: '展开话术', en: 'Open Huashu' },
  settings: { zh: '设置', en: 'Settings' },
  latestBuyerMessage: { zh: '买家最新消息', en: "Buyer's latest message" },
  noBuyerMessage: { zh: '还没有买家消息。选中页面上的文字也可以作为买家消息。', en: 'No buyer message yet. Selecting text on the page works too.' },
  suggestions: { zh: '推荐话术', en: 'Suggested replies' },
  noSuggestions: { zh: '没有匹配的话术，试试搜索。', en: 'No matching reply; try searching.' },
  searchPlaceholder: { zh: '搜索话术：中文、拼音或首字母（如 fh）', en: 'Search: Chinese, pinyin or initials (e.g. fh)' },
  all: { zh: '全部', en: 'All' },
  favourites: { zh: '★ 收藏', en: '★ Favourites' },
  recent: { zh: '最近', en: 'Recent' },
  insert: { zh: '插入', en: 'Insert' },
  inserted: { zh: '已插入', en: 'Inserted' },
  copiedInstead: { zh: '没能写入输入框，已复制到剪贴板，请按 Ctrl+V 粘贴。', en: 'Could not write into the box; copied to the clipboard — press Ctrl+V.' },
  noComposeBox: { zh: '找不到输入框：请先点一下聊天输入框，再选择话术。', en: 'No compose box found: click into the chat box first, then pick a reply.' },
  cannotFindChat: { zh: '没有在此页面找到聊天窗口。', en: 'Could not find the chat on this page.' },
  useGeneric: { zh: '使用通用模式', en: 'Use generic mode' },
  teachPage: { zh: '教会此页面', en: 'Teach this page' },
  genericHint: {
    zh: '通用模式：点击输入框作为回复位置，选中买家消息文字即可推荐话术。',
    en: 'Generic mode: click a text box to reply into; select buyer text to get suggestions.',
  },
  refreshNeeded: { zh: '话术 Huashu 已更新或重新加载，请刷新此页面后继续使用。', en: 'Huashu was updated or reloaded. Refresh this page to keep using it.' },
  refresh: { zh: '刷新页面', en: 'Refresh page' },
  fillVariables: { zh: '插入前请补全：', en: 'Fill in before inserting:' },
  confirmInsert: { zh: '确定插入', en: 'Insert' },
  cancel: { zh: '取消', en: 'Cancel' },
  buyer: { zh: '买家', en: 'Buyer' },
  order: { zh: '订单', en: 'Order' },
  waiting: { zh: '已等待', en: 'Waiting' },
  shortcutsHint: { zh: 'Alt+1…9 插入 · ↑↓ 选择 · Enter 插入 · Esc 回到输入框', en: 'Alt+1…9 insert · ↑↓ move · Enter insert · Esc back to the box' },
  draftFindings: { zh: '草稿检查', en: 'Draft check' },
  draftClean: { zh: '草稿没有发现风险用语。', en: 'No risky wording in the draft.' },
  applyRewrite: { zh: '改为建议说法', en: 'Apply rewrite' },
  missingPart: { zh: '未找到：', en: 'Not found: ' },
  partMessageList: { zh: '消息列表', en: 'message list' },
  partComposeBox: { zh: '输入框', en: 'compose box' },
  partSendButton: { zh: '发送按钮', en: 'send button' },
  error: { zh: '出错了', en: 'Error' },
  followUps: { zh: '跟进', en: 'Follow-ups' },
  addPaymentReminder: { zh: '记催付', en: 'Log 催付' },
  addReviewRecovery: { zh: '记差评', en: 'Log bad review' },
  addRevisit: { zh: '记回访', en: 'Log revisit' },
  noFollowUps: { zh: '该买家没有待跟进事项。', en: 'No open follow-ups for this buyer.' },
  logged: { zh: '已记录', en: 'Logged' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type StringKey = keyof typeof STRINGS;
export type Language = 'zh' | 'en';

export function resolveLanguage(setting: 'auto' | Language | undefined, browserLanguage: string | undefined): Language {
  if (setting === 'zh' || setting === 'en') return setting;
  return browserLanguage && !browserLanguage.toLowerCase().startsWith('zh') ? 'en' : 'zh';
}

export function translate(lang: Language, key: StringKey): string {
  return STRINGS[key][lang];
}
