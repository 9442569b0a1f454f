/**
 * Tone: abuse (block), blame-shifting, rude/rhetorical wording and flat
 * refusals (warn). Rewrites follow the seed courseware's positive phrasing.
 */
import type { Rule } from '../rule';
import type { ScanContext } from '../scan-context';

/** 滚 as a command, not 滚筒/滚动/翻滚. */
function standaloneGun(ctx: ScanContext, start: number, end: number): boolean {
  const prev = ctx.before(start, 2);
  const next = ctx.after(end, 2);
  const leftOk = ctx.startsClause(start) || /(你|您|给我|快|赶紧|就|都|那就|麻溜|马上)$/.test(prev);
  const rightOk = ctx.endsClause(end) || /^(吧|啊|呀|开|蛋|出|远|犊|!|了|一边|回)/.test(next);
  return leftOk && rightOk;
}

// 立即 is left out: 立即付款/立即购买 is ordinary checkout wording.
const URGE = '{赶紧|赶快|快点|快些|快一点|马上|立刻|立马|速度|抓紧|麻溜}{给我|帮我}?';
/** What the buyer is being hurried to do (确认收货, 付款, 把单号发过来…). */
const BUYER_ACT =
  /^(把.{1,8}?(发|给|寄|填|拍|传|交|退|删|改|撤))|^(确认|收货|签收|付款|付钱|支付|买单|结账|补款|补差价|回复(?!您|你)|回我|回话|回个话|寄回|退回|发过来|发给我|发我|填|提交|上传|拍照|拍个照|联系快递|取件|去取|处理一下|操作|撤销|撤回)/;
/** What a shop nudges a buyer to buy (赶紧下单吧): a sales push, a style tip at most. */
const PURCHASE_ACT = /^(下单|拍下|拍|购买|买|抢|入手|囤|上车)/;
/** The shop hurrying itself (我们会赶紧为您处理) is good service; so is a softened request (麻烦您尽快…). */
const SHOP_SUBJECT = /(我|我们|这边|本店|小店|仓库|客服|咱们|店里|师傅)[^你您]{0,6}$/;
const SOFTENED = /(麻烦|请|辛苦|方便的话|方便时)(您|你)?[^，,]{0,2}$/;
/** 收到后马上拍照 / 签收时马上检查: timing advice after a condition, not an order. */
const AFTER_CONDITION = /(后|时|的话|之后|以后|之前|前|就|再|一到|一收到)$/;
const TIMING_WORD = /^(马上|立刻|立马)/;
/**
 * With the subject dropped, 马上确认一下 is usually the rep's own next step; it orders the
 * buyer only when it says 给我, names the buyer, or the act is one only a buyer does.
 */
const BUYER_ONLY_ACT = /^(把.{1,8}?(发|给|寄|填|拍|传|交|退|删|改|撤))|^(确认收货|收货|签收|付款|付钱|支付|买单|补款|补差价|寄回|退回|发过来|发给我|发我|回我)/;
/** Latin-only match (sb, cnm): may be part of a model code such as SB-200. */
const LATIN_ONLY = /^[a-z]+$/;

function hurriesBuyer(act: RegExp) {
  return (ctx: ScanContext, start: number, end: number): boolean => {
    const before = ctx.before(start, 8);
    if (SHOP_SUBJECT.test(before) || SOFTENED.test(before)) return false;
    const word = ctx.text.slice(start, end);
    const after = ctx.after(end, 12);
    if (TIMING_WORD.test(word)) {
      if (AFTER_CONDITION.test(before)) return false;
      if (act === BUYER_ACT && !/(给我|帮我)$/.test(word) && !/(你|您)/.test(before) && !BUYER_ONLY_ACT.test(after)) return false;
    }
    return act.test(after);
  };
}

export const TONE_RULES: Rule[] = [
  // —— abuse ——
  {
    id: 'abuse.insult',
    category: 'abuse',
    patterns: [
      '{你|您}?有病{吧|啊|呀|是不是}',
      '你有病',
      '有毛病吧',
      '你有毛病',
      '神经病',
      '脑残',
      '智障',
      '弱智',
      '白痴',
      '蠢货',
      '蠢猪',
      '笨蛋',
      '傻{x|b|逼|比|叉|屄|瓜蛋|帽|缺|子吧|了吧}',
      '煞笔',
      '沙比',
      '沙雕',
      '傻吊',
      '二逼',
      '二b',
      'sb',
      'dsb',
      'shabi',
      'cnm',
      'nmsl',
      'tmd',
      'mdzz',
      'wtf',
      'fuck',
      '他妈',
      '尼玛',
      '草泥马',
      '操你',
      '卧槽',
      '死全家',
      '滚犊子',
      '滚蛋',
      '滚开',
      '滚一边',
      '滚出去',
      '给我滚',
      '{你是|你个|你这}{垃圾|废物|穷鬼|穷逼|傻子|蠢货|神经病}',
      '穷鬼',
      '穷逼',
      '狗东西',
      '不要脸',
      '要不要脸',
      '贱人',
      '贱货',
      '关你屁事',
      '放屁',
      '屁话',
      '闭嘴',
      '少废话',
      '找骂',
      '找抽',
      '{你|你的}?{脑子|脑袋}{进水|有坑|有问题|坏了|秀逗|有泡}',
      '艹',
      '你算老几',
      '关我屁事',
      '{垃圾|傻|蠢|贱|奇葩|极品|难缠的|事儿多的|事多的|穷酸|抠门的|烦人的}{买家|客户|顾客}',
      '事儿妈',
      '猪脑子',
      '{你是|你个|你这}{猪|狗|傻子}',
      '{你|您}{神经|疯了|脑残|脑子有病}{吧|啊|吗}?',
      '有病{就}?去{治|看}',
      '没长眼{睛}?',
      '长没长眼',
      '{不买|不要|不想买|不想要}{就}?滚',
      '爱{买|要}{就}?{买|要}{不买|不要}?',
      '爱咋咋地',
      '别烦我',
      '没脑子',
      '你瞎{啊|吗|了}',
      '{眼瞎|瞎了吗}',
      '你是不是傻',
      '你傻{啊|吗|了}',
      '你算什么东西',
      '什么东西啊',
      '{你|您}?有bing{吧|啊|呀|是不是}',
      '{你|您}是不是有{病|bing|毛病}',
      '你有bing',
      '脑瘫',
      '{你|您}{nc|脑瘫}{吧|啊|吗}',
    ],
    rewrite: '给您带来不愉快非常抱歉，我们一起看看怎么解决',
    rewriteScope: 'sentence',
    // SB-200, CNM-300: Latin initials joined to a number are model codes, not insults.
    check: (ctx, start, end) =>
      !(LATIN_ONLY.test(ctx.text.slice(start, end)) && /^[0-9]/.test(ctx.text.slice(end, end + 1)) && /^[-_\s]?$/.test(ctx.gapBefore(end))),
  },
  {
    id: 'abuse.mother',
    category: 'abuse',
    patterns: ['你妈', '妈的', '去死', '日你'],
    rewrite: '给您带来不愉快非常抱歉，我们一起看看怎么解决',
    rewriteScope: 'sentence',
    // 你妈妈/妈妈的礼物, 去死皮/去死角, 生日你…
    notBefore: ['妈', '生', '节', '今', '明', '昨', '每', '周', '当', '平', '工作', '假', '次', '某', '前', '后', '末'],
    notAfter: ['妈', '皮', '角', '细胞', '结'],
  },
  {
    id: 'abuse.sha_star',
    category: 'abuse',
    patterns: ['傻'],
    rewrite: '给您带来不愉快非常抱歉，我们一起看看怎么解决',
    rewriteScope: 'sentence',
    check: (ctx, _start, end) => /^[\s]*[*＊]/.test(ctx.gapBefore(end)),
  },
  {
    id: 'abuse.buy_or_leave',
    category: 'abuse',
    patterns: [
      '爱买不买',
      '爱要不要',
      '不买拉倒',
      '不买就滚',
      '不买就算了',
      '不要拉倒',
      '买不起{就|就别|别}{买|看|问}',
      '{嫌贵|嫌贵的话}{就|就别|别}买',
      '没钱{就|就别|别}{买|问}',
      '穷就别买',
    ],
    rewrite: '您可以再考虑一下，有任何疑问我都可以为您解答',
    rewriteScope: 'sentence',
  },
  {
    id: 'abuse.gun',
    category: 'abuse',
    patterns: ['滚'],
    rewrite: '给您带来不愉快非常抱歉，我们一起看看怎么解决',
    rewriteScope: 'sentence',
    check: standaloneGun,
  },

  // —— blame shift ——
  {
    id: 'blame.not_my_fault',
    category: 'blame_shift',
    patterns: [
      '{这|那}?不是{我|我们|我的|我们的|本店|店铺|我们店}{的}?{责任|问题|错|原因}',
      '{不关|不干}{我|我们|本店|店铺}{的}?事',
      '{跟|和|与}{我|我们|本店|店铺}{没关系|没有关系|无关|没啥关系|没什么关系}',
      '{与|跟|和}{我|我们|本店}无关',
      '{我|我们|本店}{不负责|概不负责|不承担责任}',
      '概不负责',
      '不归{我|我们}管',
      '不是{我|我们}负责的',
    ],
    rewrite: '我会帮您联系相关部门跟进处理',
    notAfter: ['范围', '以外', '之外'],
    check: (ctx, start) => !/(如果|若|假如|是否|是不是|即使|就算)$/.test(ctx.before(start, 6)),
  },
  {
    id: 'blame.courier',
    category: 'blame_shift',
    patterns: [
      '{你|您}{去|自己去|自己|直接|可以去|得去}?找快递',
      '自己{去}?找快递',
      '{你|您}{去|自己}{联系|问|投诉}快递',
      '{这|那}?是快递{的|公司的}?{问题|责任|事}',
      '快递的责任',
      '{那是|这是}{物流|快递}的事',
      '{你|您}自己签收的',
      '找{快递|物流}{去|吧}',
      '找{快递|物流}公司{去|吧}?',
      '{你|您}{应该|得|要}{去}?{问|找|联系}{快递|物流}',
    ],
    rewrite: '我这边帮您联系快递核实，有进展第一时间告诉您',
    rewriteScope: 'sentence',
    notBefore: ['帮您', '帮你', '帮', '替', '为', '我', '我去', '我们', '我来'],
    check: (ctx, start) => !/(如果|若|假如|是否|是不是|要是|确认|核实|不)$/.test(ctx.before(start, 6)),
  },
  {
    // 找厂家去 / 我们只负责发货 / 自己想办法: sending the buyer away.
    id: 'blame.elsewhere',
    category: 'blame_shift',
    patterns: [
      '{那是|这是}{厂家|仓库}的事',
      '找{厂家|平台}{去|吧}',
      '{我们|我}只负责发货',
      '自己想办法',
      '{你|您}{去|自己}?找{厂家|平台}{去|吧}?',
      '{你|您}{应该|得|要}{去}?{问|找|联系}{厂家|平台}',
      '不是问我',
      '{我们|我}{不管|管不着|没法管}{了}?{啊|哦}?',
    ],
    rewrite: '这个我来帮您跟进处理，有进展第一时间告诉您',
    rewriteScope: 'sentence',
    notBefore: ['帮您', '帮你', '帮', '替', '为', '我', '我去', '我们', '我来'],
    check: (ctx, start, end) => {
      if (/(如果|若|假如|是否|是不是|要是|确认|核实|不)$/.test(ctx.before(start, 6))) return false;
      // 我们不管多远都包邮 (no matter…) is not refusing responsibility.
      if (/不管$/.test(ctx.text.slice(start, end)) && !ctx.endsClause(end)) return false;
      return true;
    },
  },
  {
    // 这是你自己的问题 / 你自己拍错了 / 怪谁: blaming the buyer.
    id: 'blame.buyer_fault',
    category: 'blame_shift',
    patterns: [
      '{这|那}是{你|您}自己的{问题|原因|责任}',
      '{你|您}自己{的原因|的问题|弄坏的|没看清楚|操作不当}',
      '{你|您}自己{没|不|选错|拍错|买错|填错|写错|看错|弄错|搞错|弄坏|摔坏|用坏|没注意|不会用}',
      '{是|都是|还不是}{你|您}{自己}?{没|不|选错|拍错|买错|填错|写错|看错|弄错|搞错|弄坏|操作|使用}',
      '{你|您}{操作|使用|用法}不当',
      '怪谁',
      '{能|还能|只能}怪{我|我们|谁}',
      '{又|也|并}不是{我|我们|本店}{弄|搞|摔|造成|干|做|寄错}',
      '不是{我|我们}{弄|搞|摔|压}{坏|破}?的',
    ],
    rewrite: '给您添麻烦了，我们一起看看怎么解决',
    rewriteScope: 'sentence',
    notBefore: ['帮您', '帮你', '帮', '替', '为', '我', '我去', '我们', '我来'],
    // 你自己不会看说明书吗 is the manual family below.
    notAfter: ['会看说明', '看说明'],
    check: (ctx, start) => !/(如果|若|假如|是否|是不是|要是|确认|核实|不)$/.test(ctx.before(start, 6)),
  },
  {
    // 你自己不会看说明书吗 / 自己看说明书: "you should have read the manual".
    id: 'blame.manual',
    category: 'blame_shift',
    patterns: ['{你|您}?{自己}?{不会|没}{看|去看|读}{一下}?说明{书}?', '自己{去}?看{一下}?说明{书}?', '{看|去看}说明书{就知道|去}'],
    rewrite: '这个地方确实容易忽略，我来一步步教您操作',
    rewriteScope: 'sentence',
    notBefore: ['可以', '也可以', '方便', '帮您', '我'],
  },

  // —— rude tone ——
  {
    id: 'rude.must',
    category: 'rude_tone',
    patterns: ['{您|你}必须', '必须{您|你}', '{您|你}{得|必需}先'],
    rewrite: '建议您',
    notAfter: ['们'],
  },
  {
    id: 'rude.rhetorical',
    category: 'rude_tone',
    patterns: [
      '{详情页|页面|详情|上面|描述|说明}{不是|不都}{写了|写着|有|说了|标了}{吗|么|嘛|啊}?',
      '不是{写了|说了|告诉你了|告诉您了|跟你说了|跟您说了}{吗|么|嘛}',
      '{你|您}?自己不会{查|找}{吗|么|嘛}?',
      '{你|您}?自己不会看{吗|么|嘛}',
      '{你|您}不会看{吗|么|嘛}',
      '不会自己{看|查}{吗|么|嘛}',
      '听不明白{吗|么|嘛}',
      '能不能{好好|仔细}看',
      '谁让{你|您}',
      '早{就}?{告诉|跟|和}{你|您}{说}?{了|过}',
      '早{就}?{说|讲}过了',
      '{你|您}?问了{多少|几|好几|n}{次|遍}',
      '{你|您}还想怎{样|么样}',
      '{你|您}?{听|看}不懂{吗|么|嘛|啊|中文}',
      '{你|您}听不懂',
      '{我|我都}已经{说|讲|解释|回答}{过|了}{了|很多遍|好几遍}?',
      '说了{多少|几|好几|很多|n}{次|遍}',
      '说过{多少|几|好几|很多}{次|遍}',
      '{都|我都}{说|讲}了{多少|几|好几}遍',
      '怎么还{问|不明白|不懂|在问}',
      '{还|又}问{什么|啥}',
      '问那么多',
      '{你|您}懂不懂',
      '{您|你}没有?{理解|明白|听懂|看懂}我的意思',
      '{怎么|咋}又是{你|您}',
      '{你|您}怎么又{来|问}',
      '问{这么|那么|这|那}多',
      '{别|不要|能不能别|能别|可以别}{再}?问了',
      '{了|都}还{问|在问|来问}',
      '还问{什么|啥|吗|个没完}',
      '都{写|说|讲|标}得?{清清楚楚|明明白白|很清楚|很明白|够清楚}',
      '{清清楚楚|明明白白}{了}?{还|你还|您还}',
      '{您|你}{看清楚|看仔细}{再问|点|了再}',
      '{没看到|没看见}{吗|么}',
    ],
    rewrite: '抱歉我没说清楚，我再为您详细说明一下',
    rewriteScope: 'sentence',
    // 您可以自己查看物流 / 您也可以自己看一下详情: an option, not a reproach.
    notBefore: ['可以', '也可以', '能', '方便', '随时', '都可以', '来'],
  },

  {
    id: 'rude.impatient',
    category: 'rude_tone',
    patterns: ['{你|您}急什么', '催什么', '{别|不要}{催了|催我}', '{你|您}{还想怎样|还想怎么样}'],
    rewrite: '理解您着急，我这边正在为您加急跟进',
    rewriteScope: 'sentence',
  },
  {
    id: 'rude.dismissive',
    category: 'rude_tone',
    patterns: ['随便{你|您}', '懒得理', '有意思吗', '{烦不烦|有完没完|你烦不烦}', '{别|不要}{烦我|啰嗦|废话}'],
    rewrite: '您的问题我都会认真处理，请您放心',
    rewriteScope: 'sentence',
  },
  {
    id: 'rude.hurry_decide',
    category: 'rude_tone',
    patterns: ['赶紧的', '{别|不要}{磨蹭|墨迹|磨叽}', '磨蹭什么', '快点决定', '{你|您}到底{买不买|要不要|想怎样|想怎么样|想干嘛}'],
    rewrite: '您可以慢慢考虑，有任何问题随时问我',
    rewriteScope: 'sentence',
  },
  {
    // 你自己看详情 / 自己查物流去: sending the buyer to look it up.
    id: 'rude.look_yourself',
    category: 'rude_tone',
    patterns: ['{你|您}?自己{去}?{看|查|翻}{一下}?{详情|详情页|商品详情|介绍|页面|物流|订单|评价}', '自己{看|查}{去|吧}'],
    rewrite: '我帮您查一下，马上告诉您',
    rewriteScope: 'sentence',
    notBefore: ['可以', '也可以', '能', '方便', '随时', '都可以', '来'],
  },
  {
    // 赶紧确认收货 / 快点付款 / 马上给我确认 / 赶快把单号发过来: ordering the buyer about.
    id: 'rude.hurry_buyer',
    category: 'rude_tone',
    patterns: [URGE],
    rewrite: '麻烦您方便时',
    message: { zh: '催促买家的命令语气，换成“麻烦您方便时…”。', en: 'Ordering the buyer to hurry; ask politely instead (麻烦您方便时…).' },
    check: hurriesBuyer(BUYER_ACT),
  },
  {
    // 赶紧下单吧，活动快结束了: a sales nudge, not an order — a style tip only.
    id: 'polite.hurry_purchase',
    category: 'politeness',
    patterns: [URGE],
    rewrite: '喜欢的话可以早点',
    message: { zh: '小建议：催单换成“喜欢的话可以早点下单哦”更柔和。', en: 'Tip: nudge gently (喜欢的话可以早点下单哦).' },
    check: hurriesBuyer(PURCHASE_ACT),
  },
  {
    id: 'rude.still_asking',
    category: 'rude_tone',
    patterns: ['{你|您}还{问|在问|来问}'],
    rewrite: '抱歉我没说清楚，我再为您详细说明一下',
    rewriteScope: 'sentence',
    clauseEnd: true,
  },

  // —— flat refusal ——
  {
    id: 'refusal.no_service',
    category: 'flat_refusal',
    patterns: [
      '{我们|本店|这边}?没有{这项|这个|这种|此项}服务',
      '{我们|本店}?不提供{这项|这个|这种|此项}?服务',
      '这是公司规定',
      '公司规定{的|就是这样}',
      '没有例外',
      '规定就是{这样|规定}',
      '{没得|没有}商量',
      '{没有|没}{这项|这个|这种|此项|该}{服务|业务}',
      '规定{如此|是这样的?|就这样}',
    ],
    rewrite: '这个确实有流程要求，我帮您看看还能怎么安排',
    rewriteScope: 'sentence',
  },
  {
    id: 'refusal.cannot',
    category: 'flat_refusal',
    patterns: [
      '办不了',
      '做不到',
      '帮不了',
      '处理不了',
      '没办法',
      '没有办法',
      '无能为力',
      '管不了',
      '不可能',
      '无法{处理|办理|解决|满足}',
      '{不给|不能|不可以|没法}{退|换|退换|退款|退货|补发|改}',
      '退不了',
      '换不了',
      '改不了',
      '{不退不换|概不退换|不接受退换|不接受退货}',
    ],
    rewrite: '这个需要换个方式处理，我们可以为您这样安排：',
    rewriteScope: 'sentence',
    unlessAlternative: true,
    notBefore: ['有', '有没有', '几乎'],
    notAfter: ['的话', '吗', '么', '不'],
  },
  {
    id: 'refusal.no',
    category: 'flat_refusal',
    patterns: ['不行', '不可以', '不能', '不接受', '不同意', '拒绝', '不支持', '不提供', '不办理', '不受理'],
    rewrite: '这个需要换个方式处理，我们可以为您这样安排：',
    rewriteScope: 'sentence',
    clauseEnd: true,
    unlessAlternative: true,
    notBefore: ['行', '实在', '如果', '要是', '万一', '是否', '还', '可', '会', '并'],
    check: (ctx, start) => {
      // Only the whole clause ("不行。" / "这个不行") is a refusal; "不行的话…" is handled by clauseEnd.
      const clause = ctx.before(start, 8);
      return clause.length <= 4;
    },
  },
];
