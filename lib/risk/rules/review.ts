/**
 * Paying for reviews. A finding needs a review act (好评, 五星, 晒图, 删差评…)
 * and a reward (返现, 红包, 补偿, 退10块…) close together in one sentence, in
 * either order — so "满意的话麻烦给个好评" stays clean while "五星好评返5元",
 * "删了差评给您退10块" and "送红包求好评" are caught. The pairing happens in
 * detectors/review-pairs.ts; these rules only supply the cues.
 */
import type { Rule } from '../rule';

export const REVIEW_REWRITE = '如果您对商品满意，欢迎给我们一个真实的评价，有任何问题也请随时告诉我';
export const REVIEW_FIX_REWRITE = '给您带来不好的体验非常抱歉，我们先把问题为您解决好';

const DIGIT = '{0|1|2|3|4|5|6|7|8|9|10|20|50|一|二|两|三|五|十}';

export const REVIEW_CUES: Rule[] = [
  {
    id: 'review.act',
    category: 'review_manipulation',
    cue: 'review_act',
    patterns: [
      '好评', '五星', '5星', '五颗星', '5颗星', '五分好评', '满分好评', '晒图', '晒单', '带图', '追评', '追加评价', '追加好评',
      '{给|写|打|留|发|晒|来}{个|一个|下|一下|我们}?{评价|评论|好评|五星|点评}',
      '{删|删了|删掉|删除|撤|撤销|撤回|取消|修改|改|改掉}{一下|下|个|掉|了}?{差评|中评|评价|评论}',
      '{差评|中评}{删|删了|删掉|删除|撤|撤销|撤回|取消|改|改成|改为|修改}',
      '{改|改成|改为|换成|追加}{五星|好评|5星}',
      '评价{返|送|有礼|晒图}',
      '{评价|好评|五星|评论}{后|完|之后|以后|截图}',
      '{评价|评论}{删|删了|删掉|删除|撤|撤销|撤回|取消|改|改成|改为|修改}',
    ],
    // 好评率, 好评如潮: facts about the product, not a request.
    notAfter: ['率', '如潮', '度', '很多', '不断', '多多', '榜', '第一'],
  },
  {
    id: 'review.reward',
    category: 'review_manipulation',
    cue: 'reward',
    patterns: [
      '返现', '返钱', '返红包', '返利', '返' + DIGIT, '返给您', '就返', '返您',
      '{送|领|领取|发|返|得|拿|抽}{个|一个|您|你}?{红包|现金|话费|礼品|小礼品|小礼物|礼物|赠品|优惠券|无门槛券|奖励|奖品}',
      '红包', '现金', '补偿', '奖励', '有礼', '免单', '抽奖', '好处费', '辛苦费',
      '{退|给|补|返|转}{您|你}?' + DIGIT + '{元|块|毛|rmb}?',
      DIGIT + '{元|块}{红包|现金|钱}?',
      '{退|给|补}{您|你}{钱|点钱|差价|运费}',
    ],
    notAfter: ['回', '厂', '修', '程', '工', '乡'],
  },
];
