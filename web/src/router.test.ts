import { describe, expect, it } from 'vitest';
import { casesPath, journeyPath, parseRoute, responsesPath, surveyPath, surveysPath, workspacePath } from './router';

describe('parseRoute', () => {
  it('maps the app paths to screens', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/w/ws-1')).toEqual({ name: 'workspace', workspaceId: 'ws-1' });
    expect(parseRoute('/w/ws-1/')).toEqual({ name: 'workspace', workspaceId: 'ws-1' });
    expect(parseRoute('/w/ws-1/journeys/j-9')).toEqual({ name: 'journey', workspaceId: 'ws-1', journeyId: 'j-9' });
    expect(parseRoute('/w/ws-1/elsewhere')).toEqual({ name: 'notFound' });
    expect(parseRoute('/elsewhere')).toEqual({ name: 'notFound' });
  });

  it('round-trips the paths it builds', () => {
    expect(parseRoute(journeyPath('a b', 'c/d'))).toEqual({ name: 'journey', workspaceId: 'a b', journeyId: 'c/d' });
    expect(workspacePath('ws-1')).toBe('/w/ws-1');
  });
});

describe('administration routes', () => {
  it('maps /admin and /agency paths', () => {
    expect(parseRoute('/admin')).toEqual({ name: 'adminTenants' });
    expect(parseRoute('/admin/tenants')).toEqual({ name: 'adminTenants' });
    expect(parseRoute('/admin/tenants/new')).toEqual({ name: 'adminNewTenant' });
    expect(parseRoute('/admin/tenants/t-1')).toEqual({ name: 'adminTenant', tenantId: 't-1' });
    expect(parseRoute('/admin/tenants/t-1/deletion')).toEqual({ name: 'adminDeletion', tenantId: 't-1' });
    expect(parseRoute('/agency')).toEqual({ name: 'agencyWorkspaces' });
    expect(parseRoute('/agency/workspaces/w-1')).toEqual({ name: 'agencyWorkspace', workspaceId: 'w-1' });
    expect(parseRoute('/agency/members')).toEqual({ name: 'agencyMembers' });
    expect(parseRoute('/agency/audit')).toEqual({ name: 'agencyAudit' });
    expect(parseRoute('/agency/elsewhere')).toEqual({ name: 'notFound' });
    expect(parseRoute('/admin/other')).toEqual({ name: 'notFound' });
  });
});

describe('feedback routes', () => {
  it('maps surveys, one survey, responses and cases of a workspace', () => {
    expect(parseRoute('/w/ws-1/surveys')).toEqual({ name: 'surveys', workspaceId: 'ws-1' });
    expect(parseRoute('/w/ws-1/surveys/new')).toEqual({ name: 'survey', workspaceId: 'ws-1', surveyId: 'new' });
    expect(parseRoute(surveyPath('ws-1', 's/1'))).toEqual({ name: 'survey', workspaceId: 'ws-1', surveyId: 's/1' });
    expect(parseRoute(surveysPath('ws-1'))).toEqual({ name: 'surveys', workspaceId: 'ws-1' });
    expect(parseRoute('/w/ws-1/responses')).toEqual({ name: 'responses', workspaceId: 'ws-1' });
    expect(parseRoute('/w/ws-1/cases')).toEqual({ name: 'cases', workspaceId: 'ws-1' });
    expect(responsesPath('ws-1', 'r 1')).toBe('/w/ws-1/responses?response=r%201');
    expect(casesPath('ws-1')).toBe('/w/ws-1/cases');
  });
});
