import { getJourney, listJourneys, type JourneySummary } from '../../api';
import { useApi, type Loadable } from '../../session';

/** A touchpoint with where it sits, for pickers and labels across the feedback screens. */
export interface TouchpointEntry {
  id: string;
  name: string;
  journeyId: string;
  journeyName: string;
  stageName: string;
  parentTouchpointId: string | null;
}

export interface JourneyStages {
  id: string;
  name: string;
  stages: { id: string; name: string; touchpoints: TouchpointEntry[] }[];
}

/** The workspace's journeys and their touchpoints (mapping-service), in map order. */
export interface Catalog {
  journeys: JourneyStages[];
  touchpoints: Map<string, TouchpointEntry>;
}

const MAX_JOURNEY_PAGES = 5;

export async function loadCatalog(workspaceId: string, signal?: AbortSignal): Promise<Catalog> {
  const summaries: JourneySummary[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_JOURNEY_PAGES; i++) {
    const page = await listJourneys(workspaceId, { limit: 100, cursor, signal });
    summaries.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  // A journey deleted meanwhile (404) is left out rather than failing the whole picker.
  const maps = await Promise.all(summaries.map((j) => getJourney(workspaceId, j.id, signal).catch(() => null)));
  const journeys: JourneyStages[] = [];
  const touchpoints = new Map<string, TouchpointEntry>();
  summaries.forEach((summary, i) => {
    const map = maps[i];
    const stages = [...(map?.stages ?? [])].sort((a, b) => a.position - b.position);
    journeys.push({
      id: summary.id,
      name: summary.name,
      stages: stages.map((stage) => {
        const entries = [...(stage.touchpoints ?? [])]
          .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
          .map<TouchpointEntry>((t) => ({
            id: t.id,
            name: t.name,
            journeyId: summary.id,
            journeyName: summary.name,
            stageName: stage.name,
            parentTouchpointId: t.parentTouchpointId ?? null,
          }));
        for (const e of entries) touchpoints.set(e.id, e);
        return { id: stage.id, name: stage.name, touchpoints: entries };
      }),
    });
  });
  return { journeys, touchpoints };
}

export function useCatalog(workspaceId: string): [Loadable<Catalog>, () => void] {
  return useApi((signal) => loadCatalog(workspaceId, signal), `feedback-catalog:${workspaceId}`);
}

export function catalogOf(loadable: Loadable<Catalog>): Catalog | null {
  return loadable.status === 'ok' ? loadable.data : null;
}

/** "Checkout page · Buy online", or a short id when the map does not (or no longer) show it. */
export function touchpointLabel(catalog: Catalog | null, touchpointId: string | null | undefined): string {
  if (!touchpointId) return '—';
  const entry = catalog?.touchpoints.get(touchpointId);
  return entry ? `${entry.name} · ${entry.journeyName}` : `Touchpoint ${touchpointId.slice(0, 8)}`;
}

export function journeyLabel(catalog: Catalog | null, journeyId: string | null | undefined): string {
  if (!journeyId) return '—';
  const journey = catalog?.journeys.find((j) => j.id === journeyId);
  return journey ? `Whole journey · ${journey.name}` : `Journey ${journeyId.slice(0, 8)}`;
}
