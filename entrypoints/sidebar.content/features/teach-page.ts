/**
 * "Teach this page": the rep points at the chat's parts on a page no adapter
 * knows; we derive robust selectors, show live what they read, and save them
 * as a site profile (plain data) that the page session switches to. While
 * picking, clicks and presses on the page are swallowed in the capture phase
 * so the page does not act on them; the outline is drawn in our shadow root.
 */
import { createProfileAdapter } from '@/lib/sites/profile';
import { pickAdapter } from '@/lib/sites/registry';
import { deriveMessageSelectors, deriveUniqueSelector, liftToControl, liftToEditable, liftToMessageList } from '@/lib/sites/derive-selector';
import { parseProfileFile, profileToFile } from '@/lib/sites/profile-file';
import type { SiteProfile } from '@/lib/types';
import { call } from '@/components/api';
import { pick } from '@/components/i18n';
import { latestBuyerMessage } from '@/components/sidebar/state';
import { TEACH_PARTS, teachPanel, type TeachControls, type TeachPart, type TeachPreview, type TeachView } from '@/components/sidebar/TeachPanel';
import type { PageSession } from '../page-session';
import { showNotice } from '../notices';
import { ignoreInvalidated } from '../page-session';
import { truncateText } from '@/lib/text/truncate';

const HOST_NAME = 'huashu-sidebar';
/** Page events swallowed while picking, so a click on "send" or a link does nothing but pick. */
const SWALLOWED = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'auxclick', 'contextmenu'] as const;

let active: { end(): void } | null = null;

/** Teach this page; everything it adds to the page goes when `lifetime` aborts (the extension reloaded mid-teach). */
export function startTeaching(session: PageSession, lifetime: AbortSignal): void {
  if (active || lifetime.aborted) return;
  const teaching = createTeaching(session, lifetime);
  active = teaching;
  void teaching.begin();
}

function isOurs(target: EventTarget | null): boolean {
  return target instanceof Element && (target.localName === HOST_NAME || target.closest(HOST_NAME) !== null);
}

function isScrollable(el: Element): boolean {
  if (el.localName === 'html' || el.localName === 'body' || el.childElementCount === 0) return false;
  const overflow = getComputedStyle(el).overflowY;
  return overflow === 'auto' || overflow === 'scroll';
}

function isValidSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

function createTeaching(session: PageSession, lifetime: AbortSignal) {
  // One signal for every listener teaching adds: aborted when teaching ends or the content script is invalidated.
  const teachingDone = new AbortController();
  const teachingSignal = AbortSignal.any([lifetime, teachingDone.signal]);
  const origin = location.origin;
  const picked: Partial<Record<TeachPart, Element>> = {};
  let saved: SiteProfile | null = null;
  let view: TeachView = {
    step: 'messageList',
    selectors: {},
    preview: null,
    hover: null,
    name: truncateText(document.title, 60) || location.host,
    hasSaved: false,
  };
  const cleanups: Array<() => void> = [];
  let pickingCleanup: (() => void) | null = null;
  let previewTimer: ReturnType<typeof setTimeout> | undefined;

  const publish = () => {
    teachPanel.value = { view: { ...view, selectors: { ...view.selectors } }, controls };
  };
  const set = (patch: Partial<TeachView>) => {
    view = { ...view, ...patch };
    publish();
  };

  const profileFromSelectors = (): SiteProfile | null => {
    const s = view.selectors;
    if (!s.messageList || !s.buyerMessage || !s.sellerMessage || !s.composeBox) return null;
    return {
      origin,
      name: view.name.trim() || location.host,
      selectors: {
        messageList: s.messageList,
        buyerMessage: s.buyerMessage,
        sellerMessage: s.sellerMessage,
        composeBox: s.composeBox,
        ...(s.sendButton ? { sendButton: s.sendButton } : {}),
        ...(s.buyerName ? { buyerName: s.buyerName } : {}),
        ...(s.orderId ? { orderId: s.orderId } : {}),
      },
      updatedAt: Date.now(),
    };
  };

  const readPreview = (profile: SiteProfile | null): TeachPreview | null => {
    if (!profile) return null;
    const adapter = createProfileAdapter(profile);
    const snapshot = adapter.readConversation(document);
    const messages = snapshot?.messages ?? [];
    return {
      latestBuyer: latestBuyerMessage(snapshot),
      buyerCount: messages.filter((m) => m.from === 'buyer').length,
      sellerCount: messages.filter((m) => m.from === 'seller').length,
      ...(snapshot?.buyerName ? { buyerName: snapshot.buyerName } : {}),
      ...(snapshot?.orderId ? { orderId: snapshot.orderId } : {}),
      composeFound: adapter.findComposeBox(document) !== null,
      sendFound: adapter.findSendButton(document) !== null,
    };
  };

  // While the preview is on screen it follows the page (a new message, a switched buyer).
  const refreshPreview = () => {
    if (view.step === 'review') set({ preview: readPreview(profileFromSelectors()) });
    else if (view.step === 'overview') set({ preview: readPreview(saved) });
  };
  const observer = new MutationObserver(() => {
    if (previewTimer === undefined) previewTimer = setTimeout(() => ((previewTimer = undefined), refreshPreview()), 200);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  cleanups.push(
    () => observer.disconnect(),
    () => previewTimer !== undefined && clearTimeout(previewTimer),
  );

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopImmediatePropagation();
    controls.cancel();
  };
  window.addEventListener('keydown', onKey, { capture: true, signal: teachingSignal });

  const liftFor = (part: TeachPart, el: Element): Element => {
    if (part === 'messageList') return liftToMessageList(el, isScrollable);
    if (part === 'composeBox') return liftToEditable(el);
    if (part === 'sendButton') return liftToControl(el);
    return el;
  };

  const rectOf = (el: Element) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  };

  const goTo = (step: TeachView['step']) => {
    pickingCleanup?.();
    pickingCleanup = null;
    set({ step, hover: null, error: undefined });
    if (step !== 'review' && step !== 'overview') startPicking(step);
    if (step === 'review' || step === 'overview') refreshPreview();
  };

  const nextAfter = (part: TeachPart): TeachView['step'] => {
    const i = TEACH_PARTS.findIndex((p) => p.key === part);
    return TEACH_PARTS[i + 1]?.key ?? 'review';
  };

  /** Buyer and seller rows are derived together: each must exclude the other. */
  const deriveMessages = (): boolean => {
    const list = picked.messageList;
    const buyer = picked.buyerMessage;
    const seller = picked.sellerMessage;
    if (!list || !buyer || !seller) return true;
    let warning: string | undefined;
    let m = deriveMessageSelectors(list, buyer, seller);
    if (!m) {
      m = deriveMessageSelectors(list, buyer, seller, { allowHashed: true });
      warning = pick({
        zh: '这个页面只能用随机类名区分买家和客服消息，页面更新后可能需要重新教。',
        en: 'Only generated class names tell buyer and seller apart here; re-teach after the page updates.',
      });
    }
    if (!m) {
      delete picked.buyerMessage;
      delete picked.sellerMessage;
      view.selectors = { ...view.selectors, buyerMessage: undefined, sellerMessage: undefined };
      set({ error: pick({ zh: '分不清买家和客服的消息，请各换一条消息再点。', en: 'Cannot tell buyer and seller messages apart; pick other examples.' }) });
      startPickingAfterError('buyerMessage');
      return false;
    }
    view.selectors = { ...view.selectors, buyerMessage: m.buyer, sellerMessage: m.seller };
    view.warning = warning;
    return true;
  };

  const startPickingAfterError = (step: TeachPart) => {
    const error = view.error;
    goTo(step);
    set({ error });
  };

  const choose = (part: TeachPart, target: Element) => {
    const el = liftFor(part, target);
    const list = picked.messageList;
    if ((part === 'buyerMessage' || part === 'sellerMessage') && (!list || !list.contains(el) || el === list)) {
      set({ error: pick({ zh: '请点击消息列表里的一条消息。', en: 'Click a message inside the message list.' }) });
      return;
    }
    picked[part] = el;
    if (part === 'buyerMessage' || part === 'sellerMessage') {
      view.selectors = { ...view.selectors, [part]: '…' };
      if (part === 'sellerMessage' && !deriveMessages()) return;
    } else {
      view.selectors = { ...view.selectors, [part]: deriveUniqueSelector(el, document) };
    }
    if (part === 'messageList' && picked.buyerMessage && picked.sellerMessage) deriveMessages();
    goTo(nextAfter(part));
  };

  function startPicking(part: TeachPart) {
    let frame = 0;
    let lastTarget: Element | null = null;
    const onMove = (e: PointerEvent | MouseEvent) => {
      if (isOurs(e.target)) {
        lastTarget = null;
        if (view.hover) set({ hover: null });
        return;
      }
      const target = e.composedPath()[0];
      if (!(target instanceof Element) || target === lastTarget) return;
      lastTarget = target;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => set({ hover: rectOf(liftFor(part, target)) }));
    };
    const swallow = (e: Event) => {
      if (isOurs(e.target)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    const onClick = (e: MouseEvent) => {
      if (isOurs(e.target)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      const target = e.composedPath()[0];
      if (target instanceof Element) choose(part, target);
    };
    const picking = new AbortController();
    const listen = { capture: true, signal: AbortSignal.any([teachingSignal, picking.signal]) };
    window.addEventListener('pointermove', onMove, listen);
    window.addEventListener('mouseover', onMove, listen);
    for (const type of SWALLOWED) window.addEventListener(type, swallow, listen);
    window.addEventListener('click', onClick, listen);
    pickingCleanup = () => {
      cancelAnimationFrame(frame);
      picking.abort();
    };
  }

  const end = () => {
    pickingCleanup?.();
    pickingCleanup = null;
    teachingDone.abort();
    cleanups.forEach((c) => c());
    teachPanel.value = null;
    active = null;
  };

  // The extension reloaded mid-teach: the page gets its clicks and keys back at once.
  lifetime.addEventListener('abort', () => end(), { once: true, signal: teachingDone.signal });

  const restart = () => {
    for (const key of Object.keys(picked)) delete picked[key as TeachPart];
    view = { ...view, selectors: {}, preview: null, warning: undefined, error: undefined };
    goTo('messageList');
  };

  const controls: TeachControls = {
    skip() {
      const step = view.step;
      if (step === 'overview' || step === 'review') return;
      if (!TEACH_PARTS.find((p) => p.key === step)?.optional) return;
      delete picked[step];
      view.selectors = { ...view.selectors, [step]: undefined };
      goTo(nextAfter(step));
    },
    back() {
      const i = TEACH_PARTS.findIndex((p) => p.key === view.step);
      if (i <= 0) return;
      const prev = TEACH_PARTS[i - 1]!.key;
      delete picked[prev];
      view.selectors = { ...view.selectors, [prev]: undefined };
      goTo(prev);
    },
    widen() {
      const list = picked.messageList?.parentElement;
      if (!list || list.localName === 'body') return;
      picked.messageList = list;
      view.selectors = { ...view.selectors, messageList: deriveUniqueSelector(list, document) };
      set({ hover: rectOf(list) });
    },
    restart,
    cancel: end,
    rename(name) {
      view.name = truncateText(name, 200);
    },
    save(name) {
      view.name = truncateText(name.trim(), 200) || view.name;
      const profile = profileFromSelectors();
      if (!profile) {
        set({ error: pick({ zh: '还缺少必填部分。', en: 'Some required parts are missing.' }) });
        return;
      }
      void call('saveSiteProfile', profile)
        .then((stored) => {
          saved = stored;
          session.useAdapter(createProfileAdapter(stored));
          end();
          showNotice('success', pick({ zh: `已教会此页面：${stored.name}`, en: `Page taught: ${stored.name}` }));
        })
        .catch((error) => {
          ignoreInvalidated(error);
          set({ error: pick({ zh: '保存失败，请重试。', en: 'Could not save; try again.' }) });
        });
    },
    remove() {
      void call('deleteSiteProfile', { origin })
        .then(() => {
          saved = null;
          const builtIn = pickAdapter(new URL(location.href), document);
          if (builtIn) session.useAdapter(builtIn);
          else session.resetAdapter();
          end();
          showNotice('info', pick({ zh: '已删除此页面的配置。', en: 'The profile for this page was deleted.' }));
        })
        .catch(ignoreInvalidated);
    },
    exportFile() {
      const profile = view.step === 'overview' ? saved : profileFromSelectors();
      if (!profile) return;
      const url = URL.createObjectURL(new Blob([profileToFile(profile)], { type: 'application/json' }));
      const a = document.createElement('a'); // never attached to the page
      a.href = url;
      a.download = `huashu-profile-${location.host.replace(/[^\w.-]/g, '_')}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    importFile(file) {
      void file.text().then((text) => {
        const parsed = parseProfileFile(text, origin, isValidSelector);
        if (!parsed.ok) {
          set({ error: pick(parsed.error) });
          return;
        }
        for (const key of Object.keys(picked)) delete picked[key as TeachPart];
        view = {
          ...view,
          name: parsed.profile.name,
          selectors: { ...parsed.profile.selectors },
          warning: parsed.originChanged
            ? pick({
                zh: '此配置来自另一个网址，请先核对下方读取结果再保存。',
                en: 'This profile comes from another address; check the preview before saving.',
              })
            : undefined,
        };
        goTo('review');
      });
    },
  };

  return {
    end,
    async begin() {
      saved = await call('getSiteProfile', { origin }).catch(() => null);
      if (saved) {
        view = { ...view, name: saved.name, hasSaved: true, selectors: { ...saved.selectors } };
        goTo('overview');
      } else {
        goTo('messageList');
      }
    },
  };
}
