/**
 * Question shapes that hint at an intent even when no library phrase matches: a body weight or
 * height is a size question, "是塑料的还是硅胶的" asks about the product, "怎么清理" asks how to
 * use it. They run on the canonical clause and give weak evidence, so a real trigger phrase still
 * wins; they matter when a buyer words a question in a way no trigger foresaw.
 */
export interface Cue {
  /** Short label shown in explanations. */
  label: string;
  intent: string;
  re: RegExp;
  score: number;
}

export const CUES: readonly Cue[] = [
  // 160斤, 一百六十斤, 65kg, 170cm, 一米八 (two digits at least: 两斤装 is a package size).
  { label: '身高体重', intent: 'size_advice', re: /(?:\d{2,3}|[一二三四五六七八九十百两]{2,5})(?:斤(?!装)|kg|公斤|cm|厘米)|[一1]米[五六七八九\d]/, score: 0.8 },
  // 少20行不行, 便宜十块: a price cut (not 少2件, which is a missing item).
  { label: '少N块', intent: 'bargain', re: /(?:少|便宜)(?:\d+|[一二三四五六七八九十两几]+)(?![件个样双条盒包瓶袋只套天号码])/, score: 0.8 },
  // Dearer than elsewhere: 比旗舰店还贵
  { label: '比…贵', intent: 'bargain', re: /比.{1,8}贵/, score: 0.85 },
  // Days since ordering: 拍了两天了还在仓库 (usually a shipping-time chase).
  { label: '拍了N天', intent: 'shipping_time', re: /(?:拍|下单|付款|付钱|买)(?:了|的)?(?:\d+|[一二三四五六七八九十两几好]+)天/, score: 0.6 },
  // Is the item A or B: 是硅胶的还是塑料的, 偏软还是偏硬 (not 还是没收到: 还是 also means "still").
  { label: '…还是…', intent: 'product_info', re: /(?:是|偏|要|选).{1,8}还是.{1,8}/, score: 0.6 },
  // …还有吗 at the end of a clause asks for stock, whatever comes before it (XXL还有吗).
  { label: '…还有吗', intent: 'stock', re: /(?:还有|有货|有现货|有库存)吗$/, score: 0.85 },
  // Can it …? about the item: 能打冰块吗, 可以放冰箱吗
  { label: '能…吗', intent: 'product_info', re: /(?:能|可以|会|适合|支持|耐).{1,10}吗$/, score: 0.42 },
  // How do I … (not 怎么办/怎么这么/怎么还/怎么没): 怎么清理, 怎么同步
  { label: '怎么…', intent: 'usage_help', re: /怎么(?![办样么回这那没不还会能可才也说])[\u3400-\u9fff]/, score: 0.42 },
];
