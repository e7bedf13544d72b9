import { useEffect, useRef, type ReactNode } from 'react';
import { AuditScreen } from '../features/audit/audit-screen';
import { BacktestScreen } from '../features/backtest/backtest-screen';
import { JobsScreen } from '../features/jobs/jobs-screen';
import { OptimizeScreen } from '../features/optimize/optimize-screen';
import { PapertradeScreen } from '../features/papertrade/papertrade-screen';
import { RunsScreen } from '../features/runs/runs-screen';
import { screensFor, type ScreenId } from './navigation';
import { useRememberedState } from './screen-memory';
import { useSession } from './session';

const SCREEN_VIEWS: Record<ScreenId, () => ReactNode> = {
  backtest: () => <BacktestScreen />,
  papertrade: () => <PapertradeScreen />,
  optimize: () => <OptimizeScreen />,
  jobs: () => <JobsScreen />,
  runs: () => <RunsScreen />,
  audit: () => <AuditScreen />,
};

/** The signed-in app: who you are, the way out, the tabs your role allows and the current screen. */
export function Shell() {
  const { role, signOut } = useSession();
  const screens = screensFor(role);
  const [active, setActive] = useRememberedState<ScreenId>('shell.screen', screens[0]?.id ?? 'backtest');
  const current = screens.find((screen) => screen.id === active) ?? screens[0];
  const header = useHeaderHeight();
  return (
    <div className="shell">
      <header className="app-header" ref={header}>
        <span className="brand">AetherQuant</span>
        <span className="app-header__role">
          Signed in as <strong>{role}</strong>
        </span>
        <button type="button" className="button button--secondary button--small" onClick={signOut}>
          Forget key
        </button>
      </header>
      <nav className="tab-bar" aria-label="Screens">
        {screens.map((screen) => (
          <button
            key={screen.id}
            type="button"
            className="tab-bar__tab"
            aria-current={screen.id === current?.id ? 'page' : undefined}
            onClick={() => setActive(screen.id)}
          >
            {screen.label}
          </button>
        ))}
      </nav>
      <main className="content">{current && SCREEN_VIEWS[current.id]()}</main>
    </div>
  );
}

/**
 * Keeps `--header-height` (styles.css: the page's scroll padding, the tab bar's place under the header) at the
 * header's real height, which grows when the header wraps on a narrow screen.
 */
function useHeaderHeight() {
  const header = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = header.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const root = document.documentElement;
    const observer = new ResizeObserver(() =>
      root.style.setProperty('--header-height', `${Math.ceil(element.getBoundingClientRect().height)}px`),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--header-height');
    };
  }, []);
  return header;
}
