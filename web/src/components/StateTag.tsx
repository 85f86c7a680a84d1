import type { JourneyState } from '../api';

const LABELS: Record<JourneyState, string> = {
  current: 'Current state',
  future: 'Future state',
};

export function StateTag({ state }: { state: JourneyState | string }) {
  const label = LABELS[state as JourneyState] ?? state;
  return <span className={`tag tag-${state === 'future' ? 'future' : 'current'}`}>{label}</span>;
}
