/**
 * The demo shop's buyers: who they are, their current order, the history
 * already on screen, what they say next on their own (the scripted timeline)
 * and what they answer after the seller replies. Plain data, no DOM.
 */

export type OrderStatus = '待付款' | '待发货' | '已发货' | '已签收';

export interface DemoOrder {
  /** 19 digits, like the order numbers on 抖店 and 拼多多. */
  id: string;
  item: string;
  spec: string;
  /** Yuan. */
  amount: number;
  status: OrderStatus;
  /** Minutes before the page loads that the order was placed. */
  placedMinutesAgo: number;
  /** Shown under the status, e.g. auto-close or courier info. */
  note?: string;
}

export interface HistoryLine {
  from: 'buyer' | 'seller' | 'system';
  text: string;
  /** Minutes before the page loads. */
  minutesAgo: number;
}

export interface TimelineLine {
  /** Milliseconds after the page loads (divided by 10 with ?speed=fast). */
  atMs: number;
  text: string;
}

export interface DemoBuyer {
  id: string;
  nickname: string;
  /** What the demo is for, shown as a small tag in the list. */
  situation: string;
  order: DemoOrder;
  history: HistoryLine[];
  timeline: TimelineLine[];
  /** Said one by one, a moment after each seller reply, while any are left. */
  answers: string[];
}

export const DEMO_SHOP = { name: '话术演示旗舰店', rep: '客服小林' } as const;

export const DEMO_BUYERS: readonly DemoBuyer[] = [
  {
    id: 'b1001',
    nickname: '小鹿乱撞',
    situation: '咨询库存',
    order: {
      id: '6921837465019283746',
      item: '加厚羊羔毛卫衣 男女同款',
      spec: '燕麦色 / L',
      amount: 129,
      status: '已签收',
      placedMinutesAgo: 60 * 24 * 20,
      note: '上次购买：20 天前',
    },
    history: [{ from: 'system', text: '买家从商品详情页进入咨询', minutesAgo: 1 }],
    timeline: [
      { atMs: 2_000, text: '在吗' },
      { atMs: 6_000, text: '这个有货吗' },
      { atMs: 12_000, text: '黑色XL还有吗，今天拍今天能发吗' },
    ],
    answers: ['好的，那我拍了哈', '谢谢亲'],
  },
  {
    id: 'b1002',
    nickname: '糖糖爱吃橙',
    situation: '待付款',
    order: {
      id: '6918273640192837465',
      item: '304不锈钢保温杯 500ml',
      spec: '奶白色 / 送杯套',
      amount: 59.9,
      status: '待付款',
      placedMinutesAgo: 95,
      note: '订单将在 22 小时后自动关闭',
    },
    history: [
      { from: 'buyer', text: '这个杯子保温能保几个小时', minutesAgo: 110 },
      { from: 'seller', text: '亲，开水倒进去6小时后还有60度左右哦', minutesAgo: 108 },
      { from: 'system', text: '买家已拍下，待付款', minutesAgo: 95 },
      { from: 'buyer', text: '拍了，能便宜点吗', minutesAgo: 94 },
    ],
    timeline: [{ atMs: 9_000, text: '运费能免吗？' }],
    answers: ['那好吧，我晚上付', '行，我现在去付款'],
  },
  {
    id: 'b1003',
    nickname: '阿杰不加班',
    situation: '商品破损',
    order: {
      id: '6910293847561029384',
      item: '手工玻璃咖啡杯套装（4只）',
      spec: '透明 / 带杯垫',
      amount: 168,
      status: '已签收',
      placedMinutesAgo: 60 * 24 * 4,
      note: '已签收 1 天',
    },
    history: [
      { from: 'buyer', text: '收到了，打开一看碎了两个', minutesAgo: 6 },
      { from: 'buyer', text: '你们怎么包装的？？', minutesAgo: 5 },
    ],
    timeline: [{ atMs: 15_000, text: '人呢？再不回我就申请退款了' }],
    answers: ['照片发你了，你看怎么处理吧', '好，尽快'],
  },
  {
    id: 'b1004',
    nickname: '陳小姐',
    situation: '繁体咨询',
    order: {
      id: '6925564738291029374',
      item: '天然蚕丝眼罩 遮光睡眠',
      spec: '雾霾蓝',
      amount: 79,
      status: '待付款',
      placedMinutesAgo: 3,
      note: '订单将在 23 小时后自动关闭',
    },
    history: [],
    timeline: [
      { atMs: 4_000, text: '請問這個有現貨嗎' },
      { atMs: 10_000, text: '寄到高雄大概要幾天？' },
    ],
    answers: ['好的，謝謝您', '那我等一下付款'],
  },
  {
    id: 'b1005',
    nickname: '老王头',
    situation: '差评回访',
    order: {
      id: '6901928374650192837',
      item: '家用电动打蛋器 手持款',
      spec: '白色 / 五档',
      amount: 89,
      status: '已签收',
      placedMinutesAgo: 60 * 24 * 9,
      note: '买家已评价：差评（2 天前）',
    },
    history: [
      { from: 'system', text: '买家发表了差评：“用了两次就不转了，质量太差”', minutesAgo: 60 * 48 },
      { from: 'buyer', text: '质量太差了，我已经给差评了', minutesAgo: 20 },
    ],
    timeline: [],
    answers: ['你们打算怎么解决', '行吧，那你先给我换一个'],
  },
  {
    id: 'b1006',
    nickname: 'momo酱',
    situation: '物流查询',
    order: {
      id: '6913847562019384756',
      item: '北欧风陶瓷餐具 碗盘套装',
      spec: '16件套 / 奶油白',
      amount: 239,
      status: '已发货',
      placedMinutesAgo: 60 * 24 * 3,
      note: '中通快递 78312094561203',
    },
    history: [{ from: 'buyer', text: '物流三天没动了，怎么回事', minutesAgo: 2 }],
    timeline: [{ atMs: 20_000, text: '能帮我催一下快递吗' }],
    answers: ['好的麻烦了'],
  },
];

export function findBuyer(id: string): DemoBuyer | undefined {
  return DEMO_BUYERS.find((buyer) => buyer.id === id);
}
