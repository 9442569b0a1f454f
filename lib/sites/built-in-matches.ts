/**
 * Pages Huashu runs on without asking: the marketplaces' seller chat pages and
 * the local demo pages. Everything else is granted by the rep at run time.
 */
export const MARKETPLACE_MATCHES = [
  'https://mms.pinduoduo.com/*',
  'https://im.jinritemai.com/*',
  'https://fxg.jinritemai.com/*',
  'https://dongdong.jd.com/*',
  'https://*.jd.com/*',
  'https://s.kwaixiaodian.com/*',
  'https://im.kwaixiaodian.com/*',
  'https://seller.shopee.cn/*',
  'https://*.shopee.cn/*',
] as const;

export const DEMO_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'] as const;

export const BUILT_IN_SITE_MATCHES = [...MARKETPLACE_MATCHES, ...DEMO_MATCHES];
