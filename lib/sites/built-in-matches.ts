/**
 * Pages Huashu runs on without asking: the marketplaces' seller chat pages and
 * the local demo pages. Everything else is granted by the rep at run time.
 */
export const MARKETPLACE_MATCHES = [
  'https://mms.pinduoduo.com/*', // 拼多多 商家客服
  'https://im.jinritemai.com/*', // 抖店 飞鸽
  'https://dongdong.jd.com/*', // 京东 咚咚
  'https://im.kwaixiaodian.com/*', // 快手小店 客服
  'https://s.kwaixiaodian.com/*',
  'https://seller.shopee.cn/*', // Shopee Seller Centre (CN and regional)
  'https://seller.shopee.co.id/*',
  'https://seller.shopee.co.th/*',
  'https://seller.shopee.com.my/*',
  'https://seller.shopee.ph/*',
  'https://seller.shopee.sg/*',
  'https://seller.shopee.vn/*',
  'https://seller.shopee.tw/*',
  'https://seller.shopee.com.br/*',
] as const;

export const DEMO_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'] as const;

export const BUILT_IN_SITE_MATCHES = [...MARKETPLACE_MATCHES, ...DEMO_MATCHES];
