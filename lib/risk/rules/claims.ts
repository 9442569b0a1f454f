/**
 * Advertising-law superlatives (absolute_claim) and promises beyond a rep's
 * authority (unauthorized_promise). Both are context-heavy: 第一时间,
 * 最好的办法是, 一定程度上, 一定会帮您处理好 and 质量有保证 stay clean.
 */
import type { Rule } from '../rule';

export const CLAIM_RULES: Rule[] = [
  {
    id: 'claim.lowest_price',
    category: 'absolute_claim',
    patterns: ['{全网|全国|全平台|史上|历史|行业|全场}{最低|最便宜|最低价|最优惠|最实惠|底价}', '最低价', '价格最低', '最便宜', '{全网|全国|全球|全平台}最'],
    rewrite: '性价比很高',
    notBefore: ['不是', '并非'],
  },
  {
    id: 'claim.best',
    category: 'absolute_claim',
    patterns: ['最{好|佳|优|强|牛|棒|顶级|高级|高端|先进|安全|正宗|专业|权威|受欢迎|耐用|舒服|舒适|保暖|结实|环保|健康|有效|靠谱|划算|火}{的}?'],
    rewrite: '很好的',
    // 最舒服的 → 很舒服的, 最好 → 很好; 最顶级 would stay a claim, so it becomes 很优质.
    rewriteFor: (ctx, start, end) => {
      const w = ctx.text.slice(start, end);
      return w.startsWith('最顶级') ? '很优质' + w.slice(3) : '很' + w.slice(1);
    },
    // 最好的办法是…, 您最好先…, 最好在…: advice, not a claim.
    notAfter: [
      '的办法',
      '的方法',
      '的方式',
      '的选择',
      '的建议',
      '的解决',
      '办法',
      '方法',
      '方式',
      '是',
      '先',
      '在',
      '别',
      '不要',
      '还是',
      '能',
      '可以',
      '提前',
      '选',
      '拍',
      '买',
      '用',
      '放',
      '洗',
      '等',
      '问',
      '联系',
      '咨询',
      '看',
      '量',
      '试',
      '备注',
      '收到',
      '避免',
      '当天',
      '尽快',
      '结果',
      '了',
    ],
    check: (ctx, start, end) => {
      // "最好" at the start of a clause followed by a verb is advice ("最好手洗").
      const word = ctx.text.slice(start, end);
      if (word.startsWith('最好') && !word.endsWith('的') && ctx.startsClause(start)) return false;
      return true;
    },
  },
  {
    id: 'claim.number_one',
    category: 'absolute_claim',
    patterns: [
      '{行业|销量|全国|全网|全球|世界|排名|销售|品类|天下|类目|全平台|同类}{第一|第1|no1|top1|冠军|之最|领先|首位}',
      '{全球|全国|全网|行业}首{发|家|款|创}',
      '第一品牌',
      '第一名',
      'no1',
      'top1',
      'number1',
    ],
    // 我们是行业第一 → 我们深受顾客好评: the 是 goes with the claim.
    leadIn: ['是', '绝对是', '绝对', '保证'],
    rewrite: '深受顾客好评',
    notAfter: ['时间', '次', '个', '步', '天', '件', '批', '印象', '单', '位', '张', '页', '条', '种', '眼'],
  },
  {
    id: 'claim.unique',
    category: 'absolute_claim',
    patterns: ['{绝无仅有|独一无二|无与伦比|史无前例|前所未有}'],
    leadIn: ['是', '绝对是', '绝对'],
    rewrite: '很有特色',
  },
  {
    id: 'claim.grade',
    category: 'absolute_claim',
    patterns: ['{国家级|世界级|全球级|顶级|最顶级|顶尖|极品|王牌|巅峰|殿堂级}'],
    rewrite: '优质',
  },
  {
    id: 'claim.efficacy',
    category: 'absolute_claim',
    patterns: ['{万能|特效|根治|药到病除|零风险|零缺陷|无副作用|永不|永久不}'],
    leadIn: ['保证', '绝对', '能', '可以'],
    // Each word has its own honest counterpart: 永不褪色 → 不易褪色, 万能清洁剂 → 多用途清洁剂.
    rewriteFor: (ctx, start, end) => {
      const w = ctx.text.slice(start, end);
      if (/永久?不$/.test(w)) return '不易';
      if (/根治$/.test(w)) return '帮助改善';
      if (/万能$/.test(w)) return '多用途';
      if (/特效$/.test(w)) return '专用';
      if (/药到病除$/.test(w)) return '效果因人而异';
      if (/无副作用$/.test(w)) return '成分温和';
      return '品质有保障';
    },
    notAfter: ['胶', '表', '钥匙', '充', '插', '轮'],
  },
  {
    // 保证百分百正品 → 我们是正规渠道进货，支持验货: the whole claim, lead-in included.
    id: 'claim.percent',
    category: 'absolute_claim',
    patterns: ['{百分百|百分之百|100}{有效|保证|满意|好评|正品|没问题|不会|安全|放心|治愈|纯天然|不掉色|不起球|不缩水}', '{绝对|保证}是?正品'],
    leadIn: ['保证', '绝对', '绝对是', '保证是', '是'],
    rewriteFor: (ctx, start, end) => {
      const w = ctx.text.slice(start, end);
      if (/正品$/.test(w)) return '我们是正规渠道进货，支持验货';
      if (/不(掉色|起球|缩水)$/.test(w)) return '不易' + w.slice(-2);
      if (/不会$/.test(w)) return '一般不会';
      if (/(有效|治愈)$/.test(w)) return '效果因人而异，很多顾客反馈不错';
      if (/满意$/.test(w)) return '希望您用得满意';
      if (/好评$/.test(w)) return '好评很多';
      if (/纯天然$/.test(w)) return '采用天然成分';
      return '品质有保障';
    },
  },
  {
    id: 'claim.absolutely',
    category: 'absolute_claim',
    patterns: ['绝对'],
    rewrite: '非常',
    // 绝对好 → 非常好, but 绝对是 → 确实是, 绝对不会 → 一般不会, 绝对能 → 应该能.
    rewriteFor: (ctx, _start, end) => {
      const next = ctx.after(end, 2);
      if (/^是/.test(next)) return '确实';
      if (/^[不没]/.test(next)) return '一般';
      if (/^(能|会|可以|可)/.test(next)) return '应该';
      return '非常';
    },
    notAfter: ['值', '温度', '湿度', '位置', '路径'],
    notBefore: ['不能说', '不敢说', '不'],
  },

  // —— promises beyond authority ——
  {
    id: 'promise.private_discount',
    category: 'unauthorized_promise',
    patterns: [
      '{私下|私底下|背地里}{再|给|帮|多|偷偷|退|补|返}',
      '{偷偷|悄悄}{给|帮|多|再}{您|你}?',
      '我{个人|私人}{给|帮|补|出|掏|贴|送|再给}',
      '我{自己|个人|私人}{补|赔|退|贴|返|送}{您|你}',
      '我自己{掏|贴|出|补}{钱|给您|给你|点}',
      '{自掏腰包|我自己出钱|我自己掏钱|我自己贴钱}',
      '{我|我再|我额外|额外|再}给{您|你}{便宜|少|优惠|打折|减|返|抹}',
      '给{您|你}{私下|额外|单独}{便宜|优惠|打折|减}',
      '给{您|你}打{五|六|七|八|九|5|6|7|8|9}{五|5}?折',
      '给{您|你}多{退|返|送|补}',
      '不{用|要}告诉{别人|平台|其他人}',
    ],
    rewrite: '我帮您申请一下目前能用的优惠，结果马上告诉您',
    rewriteScope: 'sentence',
  },
  {
    id: 'promise.compensation',
    category: 'unauthorized_promise',
    patterns: [
      '{赔|赔偿|补偿}{您|你}?{双倍|三倍|十倍|两倍|翻倍|加倍}',
      '{双倍|三倍|十倍|两倍|翻倍|加倍}{赔|赔偿|补偿|退款|返还}',
      '包赔',
      '假一赔{十|三|百}',
      '我{给|来}?{您|你}?赔',
      '我赔{您|你|给}',
      '{我|我个人}{给|补}{您|你}{补偿|赔偿|赔}',
    ],
    rewrite: '我先帮您提交售后申请，按平台规则为您处理赔付',
    rewriteScope: 'sentence',
  },
  {
    id: 'promise.delivery',
    category: 'unauthorized_promise',
    patterns: [
      '{保证|包}{您|你}?{明天|今天|后天|当天|明早|今晚|马上|1天|2天|3天|一天|两天|三天}{一定|肯定|就|能|之内|内}?{到|送到|到货|收到|发货|发出|能到|可以到|送达}',
      '{一定|肯定|绝对|保证|百分百|100}{能|会|可以}?{到|送到|到货|收到|送达|按时到|准时到}',
      '{必|必定}{到|送达|到货}',
    ],
    rewrite: '我们会尽快为您安排发货，具体到货时间以物流为准',
    rewriteScope: 'sentence',
    notBefore: ['不能', '无法', '不敢', '没法', '不一定', '不', '未', '务'],
  },
  {
    // 保证不掉色 → 正常使用一般不会掉色; 肯定好用 → 正常使用一般都好用.
    id: 'promise.quality',
    category: 'unauthorized_promise',
    patterns: [
      '{一定|肯定|绝对|保证}{不会|不}{坏|破|掉色|缩水|起球|过敏|出问题|有问题|漏|褪色}',
      '{保证|包}{不坏|不掉色|不缩水|不起球|有效|好用|满意|能用|没问题}',
      '{包|保}{您|你}{满意|喜欢|好用|有效|没问题}',
      '{包您满意|保您满意}',
      '{肯定|一定}{有效|没问题|管用|能用|好用}',
    ],
    rewriteFor: (ctx, start, end) => {
      const rest = ctx.text.slice(start, end).replace(/^(一定|肯定|绝对|保证|包|保)(您|你)?/, '');
      if (/^(满意|喜欢)/.test(rest)) return '希望您用得满意';
      if (/^不会?/.test(rest)) return '正常使用一般不会' + rest.replace(/^不会?/, '');
      return '正常使用一般都' + rest;
    },
    notBefore: ['不能', '无法', '不敢', '没法', '不一定', '不', '未', '务'],
  },
  {
    id: 'promise.result',
    category: 'unauthorized_promise',
    patterns: [
      '{一定|肯定|保证|包}{给|帮}?{您|你}{退|退款|换|补发|赔|办好|通过}',
      '{一定|肯定|保证}{能|可以}?{退|退款|通过|批下来|成功}',
      '我保证',
      '包退包换',
    ],
    rewrite: '我会尽力帮您申请，处理结果第一时间告诉您',
    rewriteScope: 'sentence',
    notBefore: ['不能', '无法', '不敢', '没法', '不一定', '不', '未', '务'],
  },
  {
    id: 'promise.refund_if',
    category: 'unauthorized_promise',
    patterns: [
      '{不然|否则|不满意|不喜欢|无效|没效果|没有效果|坏了}{就}?{全额|全部|全款}?{赔|赔偿|赔钱|包赔|包退}',
      '无效{就}?{退款|退钱|全额退}',
      '{全额|全部|全款}{赔|赔偿}',
    ],
    rewrite: '如果使用中有任何问题，我们会按平台售后规则为您处理',
    rewriteScope: 'sentence',
    notBefore: ['不能', '无法', '不敢', '没法', '不一定', '不', '未', '务'],
  },
];
