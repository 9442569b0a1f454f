/** The two rewrites every off-platform finding offers, whichever rule or detector found it. */
export const STAY_HERE = '有任何问题您直接在这里留言，我会一直为您跟进';
export const PAY_HERE = '请您直接在平台下单付款，交易更有保障';
