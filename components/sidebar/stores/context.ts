/** Components get the sidebar's state through context (App provides it), not by importing a global. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { sidebarState, type SidebarState } from '../state';

export const SidebarStateContext = createContext<SidebarState>(sidebarState);

export const useSidebarState = (): SidebarState => useContext(SidebarStateContext);
