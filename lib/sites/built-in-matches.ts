/**
 * Pages Huashu runs on without asking: the marketplaces' seller chat pages and
 * the local demo pages. Everything else is granted by the rep at run time.
 */

/** Each built-in marketplace's platform id (as its adapter names it) and the hosts of its seller chat. */
export const MARKETPLACE_HOSTS = {
  pinduoduo: ['mms.pinduoduo.com'], // 拼多多 商家客服
  feige: ['im.jinritemai.com'], // 抖店 飞鸽
  dongdong: ['dongdong.jd.com'], // 京东 咚咚
  kuaishou: ['im.kwaixiaodian.com', 's.kwaixiaodian.com'], // 快手小店 客服
  // Shopee Seller Centre (CN and regional)
  shopee: [
    'seller.shopee.cn',
    'seller.shopee.co.id',
    'seller.shopee.co.th',
    'seller.shopee.com.my',
    'seller.shopee.ph',
    'seller.shopee.sg',
    'seller.shopee.vn',
    'seller.shopee.tw',
    'seller.shopee.com.br',
  ],
} as const satisfies Record<string, readonly string[]>;

export const MARKETPLACE_MATCHES = Object.values(MARKETPLACE_HOSTS).flatMap((hosts) => hosts.map((host) => `https://${host}/*`));

export const DEMO_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'] as const;

export const BUILT_IN_SITE_MATCHES = [...MARKETPLACE_MATCHES, ...DEMO_MATCHES];

/** The marketplace platform whose seller chat lives on this host, if any. */
export function platformOfHost(hostname: string): string | undefined {
  for (const [platform, hosts] of Object.entries(MARKETPLACE_HOSTS)) {
    if ((hosts as readonly string[]).includes(hostname)) return platform;
  }
  return undefined;
}
