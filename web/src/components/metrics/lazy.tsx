import { lazy, Suspense, type ComponentProps } from 'react';
import { Loading } from '../Loading';

/*
 * The dashboard and the portfolio bring the charting library; loading them on first use keeps it
 * out of the bundle every other screen waits for.
 */
const DashboardPage = lazy(() => import('./Dashboard').then((m) => ({ default: m.Dashboard })));
const PortfolioPage = lazy(() => import('../portfolio/Portfolio').then((m) => ({ default: m.Portfolio })));

export function Dashboard(props: ComponentProps<typeof DashboardPage>) {
  return (
    <Suspense fallback={<Loading label="Opening the dashboard…" />}>
      <DashboardPage {...props} />
    </Suspense>
  );
}

export function Portfolio(props: ComponentProps<typeof PortfolioPage>) {
  return (
    <Suspense fallback={<Loading label="Opening the portfolio…" />}>
      <PortfolioPage {...props} />
    </Suspense>
  );
}
