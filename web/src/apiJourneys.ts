import { seg, write, type JourneyState, type JourneySummary } from './api';

export interface NewJourney {
  name: string;
  state: JourneyState;
  ownerName?: string;
  description?: string;
  reviewEveryDays?: number;
}

/** Creates an empty journey map; the key makes a retried click create it once. */
export function createJourney(workspaceId: string, body: NewJourney, idempotencyKey: string): Promise<JourneySummary> {
  return write<JourneySummary>('POST', `/api/workspaces/${seg(workspaceId)}/journeys`, body, { idempotencyKey });
}
