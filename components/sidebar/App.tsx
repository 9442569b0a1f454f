/** Everything Huashu shows on a chat page, inside one shadow root. */
import type { SidebarState } from './state';
import type { SidebarActions } from './actions';
import { Sidebar } from './Sidebar';
import { SendGuardDialog } from './SendGuardDialog';
import { dialogs } from './dialogs';
import { SidebarStateContext } from './stores/context';
import { FindingPopover } from './FindingPopover';
import { HighlightOverlay } from './HighlightOverlay';
import { TeachPanel } from './TeachPanel';

export function App({ state, actions }: { state: SidebarState; actions: SidebarActions }) {
  return (
    <SidebarStateContext.Provider value={state}>
      <HighlightOverlay />
      <FindingPopover onApply={(f) => void actions.applyRewrite(f)} />
      <Sidebar actions={actions} />
      {dialogs.open.sendGuard.value && <SendGuardDialog request={dialogs.open.sendGuard.value} />}
      <TeachPanel />
    </SidebarStateContext.Provider>
  );
}
