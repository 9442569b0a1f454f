/**
 * Harmless phrases that contain a risky word. A built-in phrase suppresses
 * any finding lying entirely inside it (第一时间 hides 第一, 微信支付 hides
 * 微信, but 加我微信支付 still shows 加我微信). Phrases the shop adds through
 * `allowed` suppress every finding they overlap.
 */
export const BUILT_IN_ALLOWED: readonly string[] = [
  '第一时间', '第一次', '第一步', '第一天', '第一件', '第一个', '第一批', '第一印象', '第一单',
  '一定程度', '不一定', '说不定', '一定要注意',
  '微信支付', '微信付款', '微信扫码支付', '微波炉', '微波',
  // Real words that sound like 微信 (the sound matcher's stand-ins): prestige, reform, idealism.
  '威信力', '有威信', '威信很高', '树立威信', '威信度', '维新', '唯心', '违心',
  'qq糖', 'q弹', '口感qq',
  '最好的办法', '最好的方法', '最好的方式', '有没有办法', '没办法的话',
  '货到付款', '责任范围', '好评率', '好评如潮', 'v领', 'v字领', '绝对值',
  '滚筒', '滚动', '滚轮', '翻滚', '滚烫', '傻瓜式', '去死皮', '去死角',
  '不是我们的责任范围', '不存在私下', '谨防私下', '请勿私下',
];
