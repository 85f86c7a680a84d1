import './feedback.css';
import type { WorkspaceAccess } from '../../api';
import type { Route } from '../../router';
import { CaseBoard } from './CaseBoard';
import { ResponsesView } from './ResponsesView';
import { SurveyEditor } from './SurveyBuilder';
import { SurveyList } from './SurveyList';

export type FeedbackRoute = Extract<Route, { name: 'surveys' | 'survey' | 'responses' | 'cases' }>;

export function isFeedbackRoute(route: Route): route is FeedbackRoute {
  return route.name === 'surveys' || route.name === 'survey' || route.name === 'responses' || route.name === 'cases';
}

/** The feedback screens of one workspace: surveys, one survey's builder, responses, follow-up cases. */
export function FeedbackScreen({ workspace, route }: { workspace: WorkspaceAccess; route: FeedbackRoute }) {
  switch (route.name) {
    case 'surveys':
      return <SurveyList workspace={workspace} />;
    case 'survey':
      return <SurveyEditor workspace={workspace} surveyId={route.surveyId} />;
    case 'responses':
      return <ResponsesView workspace={workspace} />;
    case 'cases':
      return <CaseBoard workspace={workspace} />;
  }
}
