/**
 * The one small seller-chat app behind every demo page: conversation list,
 * chat header, message list, order panel, a simulated buyer and a test hook.
 * Each page plugs in its own compose box (textarea, contenteditable, Preact),
 * because the compose box is what differs between real marketplace chats.
 *
 * URL switches: ?timeline=off (no scripted buyer lines or answers),
 * ?speed=fast (the timeline runs ten times faster).
 */
import { DEMO_BUYERS, DEMO_SHOP, type DemoBuyer, type OrderStatus } from './conversations';
import { el } from './element';

export type MessageFrom = 'buyer' | 'seller' | 'system';

export interface DemoMessage {
  id: string;
  from: MessageFrom;
  text: string;
  time: number;
}

/** What the app offers a compose box. */
export interface ComposeContext {
  /**
   * Sends `text` as the seller into the open conversation, exactly as given.
   * Returns false, and shows the red failure notice, when it is blank.
   */
  send(text: string): boolean;
}

/** What a compose box gives back, so drafts can be kept per conversation. */
export interface ComposeHandle {
  readDraft(): string;
  writeDraft(text: string): void;
  focus(): void;
}

export interface ChatAppOptions {
  /** Short name of the compose kind, shown in the top bar and set on <body data-compose-kind>. */
  kind: 'textarea' | 'contenteditable' | 'framework';
  label: string;
  /** Key hint shown beside the send button. */
  hint: string;
  mountCompose(host: HTMLElement, context: ComposeContext): ComposeHandle;
}

/** The test hook on window.__demo. */
export interface DemoTestHook {
  sent: string[];
  switchTo(buyerId: string): void;
  buyerSays(text: string): void;
  conversationId(): string;
}

declare global {
  interface Window {
    __demo?: DemoTestHook;
  }
}

interface ConversationState {
  buyer: DemoBuyer;
  messages: DemoMessage[];
  unread: number;
  draft: string;
  answersLeft: string[];
  lastActivity: number;
}

const STATUS_CLASS: Record<OrderStatus, string> = {
  待付款: 'status--unpaid',
  待发货: 'status--paid',
  已发货: 'status--shipped',
  已签收: 'status--received',
};

/** Buyers answer a seller reply after this long (before ?speed scaling). */
const ANSWER_DELAY_MS = 2_500;
/** 3分钟人工回复率: a waiting buyer turns red after this. */
const REPLY_TARGET_MS = 3 * 60_000;

const pad = (n: number) => String(n).padStart(2, '0');

function formatTime(time: number, now: number): string {
  const d = new Date(time);
  const clock = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return new Date(now).toDateString() === d.toDateString() ? clock : `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clock.slice(0, 5)}`;
}

function formatShortTime(time: number, now: number): string {
  const d = new Date(time);
  if (new Date(now).toDateString() === d.toDateString()) return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return `${d.getMonth() + 1}月${d.getDate()}日`;
}

function formatWait(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  if (minutes >= 60) return `${Math.floor(minutes / 60)}小时${minutes % 60}分`;
  return minutes > 0 ? `${minutes}分${pad(seconds % 60)}秒` : `${seconds}秒`;
}

function avatar(name: string, hue: number): HTMLElement {
  return el('span', { class: 'avatar', style: `--hue:${hue}`, 'aria-hidden': 'true', text: Array.from(name)[0] ?? '?' });
}

/** Spread the buyers' avatar colours around the colour wheel. */
function hueOf(id: string): number {
  const index = DEMO_BUYERS.findIndex((buyer) => buyer.id === id);
  return (index * 67 + 20) % 360;
}

export function startChatApp(root: HTMLElement, options: ChatAppOptions): DemoTestHook {
  const params = new URLSearchParams(location.search);
  const timelineOn = params.get('timeline') !== 'off';
  const speed = params.get('speed') === 'fast' ? 10 : 1;
  const loadedAt = Date.now();
  let messageSeq = 0;
  const nextId = () => `m${loadedAt.toString(36)}${(++messageSeq).toString(36)}`;

  const conversations = new Map<string, ConversationState>();
  for (const buyer of DEMO_BUYERS) {
    const messages = buyer.history.map((line) => ({ id: nextId(), from: line.from, text: line.text, time: loadedAt - line.minutesAgo * 60_000 }));
    let unread = 0;
    for (let i = messages.length - 1; i >= 0 && messages[i]!.from === 'buyer'; i--) unread++;
    conversations.set(buyer.id, {
      buyer,
      messages,
      unread,
      draft: '',
      answersLeft: [...buyer.answers],
      lastActivity: messages.at(-1)?.time ?? loadedAt - buyer.order.placedMinutesAgo * 60_000,
    });
  }

  const fromHash = (): string | null => {
    const match = /^#\/chat\/([\w-]+)$/.exec(location.hash);
    return match && conversations.has(match[1]!) ? match[1]! : null;
  };
  let currentId = fromHash() ?? DEMO_BUYERS[0]!.id;
  if (!fromHash()) history.replaceState(null, '', `#/chat/${currentId}`);
  const current = () => conversations.get(currentId)!;
  const sent: string[] = [];

  document.body.dataset.composeKind = options.kind;

  // ---- layout -------------------------------------------------------------
  const conversationList = el('ul', { class: 'conv-list', 'data-demo': 'conversation-list', role: 'listbox', 'aria-label': '会话列表' });
  const buyerInput = el('textarea', { class: 'buyer-tool__input', 'data-demo': 'buyer-input', rows: 2, placeholder: '输入买家要说的话…' });
  const buyerSend = el('button', { class: 'buyer-tool__send', type: 'button', 'data-demo': 'buyer-send', text: '以买家身份发送' });
  const timelineNote = el('p', {
    class: 'buyer-tool__note',
    text: timelineOn ? `买家剧本：开启${speed > 1 ? '（快速）' : ''}` : '买家剧本：已关闭（?timeline=off）',
  });

  const buyerName = el('span', { class: 'chat-head__name', 'data-demo': 'buyer-name' });
  const buyerTag = el('span', { class: 'chat-head__tag' });
  const orderToggle = el('button', { class: 'chat-head__order-toggle', type: 'button', 'aria-expanded': 'true', text: '订单信息' });
  const messageList = el('div', { class: 'msg-list', 'data-demo': 'message-list', role: 'log', 'aria-live': 'polite' });
  const composeHost = el('div', { class: 'compose__host' });
  const sendError = el('p', { class: 'compose__error', 'data-demo': 'send-error', role: 'alert', hidden: true });

  const orderId = el('span', { class: 'order__id', 'data-demo': 'order-id' });
  const orderItem = el('span', { 'data-demo': 'order-item' });
  const orderSpec = el('span', { class: 'order__muted', 'data-demo': 'order-spec' });
  const orderAmount = el('span', { class: 'order__amount', 'data-demo': 'order-amount' });
  const orderStatus = el('span', { class: 'status', 'data-demo': 'order-status' });
  const orderNote = el('p', { class: 'order__note', 'data-demo': 'order-note' });
  const orderPlaced = el('span', { class: 'order__muted', 'data-demo': 'order-time' });
  const copyOrder = el('button', { class: 'order__copy', type: 'button', text: '复制' });

  const row = (label: string, value: HTMLElement, extra?: HTMLElement) =>
    el('div', { class: 'order__row' }, [el('span', { class: 'order__label', text: label }), el('span', { class: 'order__value' }, [value, extra])]);

  const orderPanel = el('aside', { class: 'order', 'data-demo': 'order-panel', 'aria-label': '订单信息' }, [
    el('div', { class: 'order__tabs' }, [
      el('span', { class: 'order__tab order__tab--on', text: '最新订单' }),
      el('span', { class: 'order__tab', text: '商品推荐' }),
    ]),
    el('div', { class: 'order__card' }, [
      el('div', { class: 'order__card-head' }, [orderStatus, orderPlaced]),
      row('订单号', orderId, copyOrder),
      row('商品', orderItem),
      row('规格', orderSpec),
      row('实付', orderAmount),
      orderNote,
    ]),
  ]);

  const app = el('div', { class: 'workbench' }, [
    el('header', { class: 'topbar' }, [
      el('a', { class: 'topbar__brand', href: './', text: DEMO_SHOP.name }),
      el('span', { class: 'topbar__kind', text: options.label }),
      el('span', { class: 'topbar__spacer' }),
      el('span', { class: 'topbar__rep' }, [el('span', { class: 'dot', 'aria-hidden': 'true' }), `${DEMO_SHOP.rep} · 在线`]),
    ]),
    el('div', { class: 'columns' }, [
      el('nav', { class: 'side' }, [
        el('div', { class: 'side__head' }, [el('span', { text: '当前咨询' }), el('span', { class: 'side__count', 'data-demo': 'conversation-count' })]),
        conversationList,
        el('section', { class: 'buyer-tool', 'aria-label': '模拟买家' }, [
          el('p', { class: 'buyer-tool__title', text: '演示工具 · 模拟买家' }),
          buyerInput,
          buyerSend,
          timelineNote,
        ]),
      ]),
      el('main', { class: 'chat' }, [
        el('div', { class: 'chat-head' }, [buyerName, buyerTag, el('span', { class: 'topbar__spacer' }), orderToggle]),
        messageList,
        el('div', { class: 'compose', 'data-demo': 'compose-area' }, [
          el('div', { class: 'compose__tools', 'aria-hidden': 'true' }, [
            el('span', { text: '☺ 表情' }),
            el('span', { text: '▣ 图片' }),
            el('span', { text: '≡ 快捷短语' }),
            el('span', { class: 'topbar__spacer' }),
            el('span', { class: 'compose__hint', text: options.hint }),
          ]),
          composeHost,
          sendError,
        ]),
      ]),
      orderPanel,
    ]),
  ]);
  root.replaceChildren(app);

  // ---- rendering ------------------------------------------------------------
  const waitLabels = new Map<string, HTMLElement>();

  function renderConversationList(): void {
    const now = Date.now();
    waitLabels.clear();
    const sorted = [...conversations.values()].sort((a, b) => b.lastActivity - a.lastActivity);
    conversationList.replaceChildren(
      ...sorted.map((conv) => {
        const last = conv.messages.at(-1);
        const active = conv.buyer.id === currentId;
        const wait = el('span', { class: 'conv__wait', 'data-demo': 'wait-time' });
        waitLabels.set(conv.buyer.id, wait);
        const item = el(
          'li',
          {
            class: `conv${active ? ' conv--active' : ''}`,
            'data-demo': 'conversation',
            'data-buyer-id': conv.buyer.id,
            'data-active': active ? 'true' : 'false',
            role: 'option',
            'aria-selected': active ? 'true' : 'false',
            tabindex: 0,
          },
          [
            avatar(conv.buyer.nickname, hueOf(conv.buyer.id)),
            el('div', { class: 'conv__body' }, [
              el('div', { class: 'conv__top' }, [
                el('span', { class: 'conv__name', 'data-demo': 'conversation-name', text: conv.buyer.nickname }),
                el('span', { class: 'conv__time', text: last ? formatShortTime(last.time, now) : '' }),
              ]),
              el('div', { class: 'conv__bottom' }, [
                el('span', {
                  class: 'conv__preview',
                  'data-demo': 'conversation-preview',
                  text: last ? (last.from === 'seller' ? `[我] ${last.text}` : last.text) : '暂无消息',
                }),
                conv.unread > 0 ? el('span', { class: 'badge', 'data-demo': 'unread', text: conv.unread > 99 ? '99+' : conv.unread }) : null,
              ]),
              el('div', { class: 'conv__meta' }, [el('span', { class: 'conv__tag', text: conv.buyer.situation }), wait]),
            ]),
          ],
        );
        item.addEventListener('click', () => select(conv.buyer.id, true));
        item.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            select(conv.buyer.id, true);
          }
        });
        return item;
      }),
    );
    const waiting = [...conversations.values()].filter((conv) => conv.unread > 0).length;
    (app.querySelector('[data-demo="conversation-count"]') as HTMLElement).textContent = `${conversations.size} 人 · ${waiting} 未读`;
    updateWaitTimes();
  }

  /** How long each buyer has waited for an answer: what 3分钟回复率 counts. */
  function updateWaitTimes(): void {
    const now = Date.now();
    for (const [id, label] of waitLabels) {
      const conv = conversations.get(id)!;
      const lastTalk = conv.messages.filter((m) => m.from !== 'system').at(-1);
      if (!lastTalk || lastTalk.from !== 'buyer') {
        label.textContent = '';
        label.classList.remove('conv__wait--late');
        continue;
      }
      const waited = now - lastTalk.time;
      label.textContent = `已等待 ${formatWait(waited)}`;
      label.classList.toggle('conv__wait--late', waited > REPLY_TARGET_MS);
    }
  }

  function messageRow(message: DemoMessage): HTMLElement {
    const now = Date.now();
    const time = el('time', {
      class: 'msg__time',
      'data-demo': 'message-time',
      datetime: new Date(message.time).toISOString(),
      text: formatTime(message.time, now),
    });
    const text = el('div', { class: 'msg__text', 'data-demo': 'message-text', text: message.text });
    const attrs = { class: `msg msg--${message.from}`, 'data-demo': 'message', 'data-from': message.from, 'data-id': message.id, 'data-time': message.time };
    if (message.from === 'system') return el('div', attrs, [text, time]);
    const name = message.from === 'buyer' ? current().buyer.nickname : DEMO_SHOP.rep;
    return el('div', attrs, [
      avatar(name, message.from === 'buyer' ? hueOf(currentId) : 210),
      el('div', { class: 'msg__body' }, [el('div', { class: 'msg__meta' }, [el('span', { class: 'msg__name', text: name }), time]), text]),
    ]);
  }

  function scrollToNewest(): void {
    messageList.scrollTop = messageList.scrollHeight;
  }

  function renderChat(): void {
    const conv = current();
    buyerName.textContent = conv.buyer.nickname;
    buyerTag.textContent = conv.buyer.situation;
    const rows = conv.messages.map(messageRow);
    messageList.replaceChildren(...(rows.length ? rows : [el('p', { class: 'msg-list__empty', text: '暂无消息，等待买家发起咨询' })]));
    const order = conv.buyer.order;
    orderId.textContent = order.id;
    orderItem.textContent = order.item;
    orderSpec.textContent = order.spec;
    orderAmount.textContent = `¥${order.amount.toFixed(2)}`;
    orderStatus.textContent = order.status;
    orderStatus.className = `status ${STATUS_CLASS[order.status]}`;
    orderPlaced.textContent = `下单 ${formatShortTime(loadedAt - order.placedMinutesAgo * 60_000, Date.now())}`;
    orderNote.textContent = order.note ?? '';
    scrollToNewest();
  }

  function addMessage(buyerId: string, from: MessageFrom, text: string): DemoMessage {
    const conv = conversations.get(buyerId)!;
    const message = { id: nextId(), from, text, time: Date.now() };
    conv.messages.push(message);
    conv.lastActivity = message.time;
    if (buyerId === currentId) {
      messageList.querySelector('.msg-list__empty')?.remove();
      messageList.append(messageRow(message));
      scrollToNewest();
    } else if (from === 'buyer') {
      conv.unread++;
    }
    renderConversationList();
    return message;
  }

  function buyerSays(buyerId: string, text: string): void {
    if (text.trim() === '') return;
    addMessage(buyerId, 'buyer', text);
  }

  // ---- compose --------------------------------------------------------------
  let errorTimer: ReturnType<typeof setTimeout> | undefined;
  function showSendError(message: string): void {
    sendError.textContent = message;
    sendError.hidden = false;
    clearTimeout(errorTimer);
    errorTimer = setTimeout(() => (sendError.hidden = true), 4_000);
  }

  const compose = options.mountCompose(composeHost, {
    send(text: string): boolean {
      if (text.trim() === '') {
        showSendError('发送失败：内容为空');
        return false;
      }
      sendError.hidden = true;
      const buyerId = currentId;
      sent.push(text);
      addMessage(buyerId, 'seller', text);
      const conv = conversations.get(buyerId)!;
      const answer = timelineOn ? conv.answersLeft.shift() : undefined;
      if (answer !== undefined) setTimeout(() => buyerSays(buyerId, answer), ANSWER_DELAY_MS / speed);
      return true;
    },
  });

  function select(buyerId: string, pushHash: boolean): void {
    if (!conversations.has(buyerId)) throw new Error(`unknown demo buyer: ${buyerId}`);
    if (buyerId !== currentId) {
      current().draft = compose.readDraft();
      currentId = buyerId;
      compose.writeDraft(current().draft);
      sendError.hidden = true;
    }
    current().unread = 0;
    if (pushHash && fromHash() !== buyerId) history.pushState(null, '', `#/chat/${buyerId}`);
    renderChat();
    renderConversationList();
  }

  window.addEventListener('hashchange', () => {
    const id = fromHash();
    if (id && id !== currentId) select(id, false);
  });

  buyerSend.addEventListener('click', () => {
    buyerSays(currentId, buyerInput.value);
    buyerInput.value = '';
    buyerInput.focus();
  });
  buyerInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      buyerSend.click();
    }
  });

  // The order panel folds away so the page stays usable beside the extension's sidebar.
  orderToggle.addEventListener('click', () => {
    const narrow = getComputedStyle(orderPanel).display === 'none';
    app.classList.toggle('workbench--order-open', narrow);
    app.classList.toggle('workbench--order-closed', !narrow);
    orderToggle.setAttribute('aria-expanded', String(narrow));
  });
  copyOrder.addEventListener('click', () => {
    void navigator.clipboard?.writeText(current().buyer.order.id).catch(() => undefined);
  });

  // ---- simulated buyers -------------------------------------------------------
  if (timelineOn) {
    for (const buyer of DEMO_BUYERS) {
      for (const line of buyer.timeline) setTimeout(() => buyerSays(buyer.id, line.text), line.atMs / speed);
    }
  }
  setInterval(updateWaitTimes, 1_000);

  select(currentId, false);
  compose.focus();

  const hook: DemoTestHook = {
    sent,
    switchTo: (buyerId) => select(buyerId, true),
    buyerSays: (text) => buyerSays(currentId, text),
    conversationId: () => currentId,
  };
  window.__demo = hook;
  return hook;
}
