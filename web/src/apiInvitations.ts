/**
 * Invitations (tenant-service): an administrator invites someone by email; they get a one-time link to
 * `/invite/<token>`, where they choose a password. The link is returned once, at creation.
 */
import { getJson, query, seg, write, type Page } from './api';
import { idempotencyKey } from './apiMaps';

export interface Invitation {
  id: string;
  email: string;
  name?: string | null;
  role: string;
  expiresAt: string;
  createdAt?: string;
}

/** Only in the answer that created it: the link is never shown again. */
export interface CreatedInvitation extends Invitation {
  link: string;
}

export interface NewInvitation {
  email: string;
  name: string;
  role: string;
}

/** Where invitations of one scope live: the agency (`tenant`) or one client workspace. */
export type InvitationScope = { kind: 'tenant'; tenantId: string } | { kind: 'workspace'; workspaceId: string };

function base(scope: InvitationScope): string {
  return scope.kind === 'tenant' ? `/api/tenants/${seg(scope.tenantId)}/invitations` : `/api/workspaces/${seg(scope.workspaceId)}/invitations`;
}

export function listInvitations(scope: InvitationScope, options: { cursor?: string | null; signal?: AbortSignal } = {}): Promise<Page<Invitation>> {
  return getJson(`${base(scope)}${query({ limit: 100, cursor: options.cursor })}`, options.signal);
}

export function createInvitation(scope: InvitationScope, body: NewInvitation, key: string = idempotencyKey()): Promise<CreatedInvitation> {
  return write('POST', base(scope), body, { idempotencyKey: key });
}

export function revokeInvitation(scope: InvitationScope, invitationId: string): Promise<void> {
  return write('DELETE', `${base(scope)}/${seg(invitationId)}`);
}

/** What the public accept page shows: who is invited, by which agency, to which workspace (or the agency). */
export interface PublicInvitation {
  email: string;
  name: string | null;
  role: string;
  /** The agency's name (a `{name}` object is read too, in case the service answers one). */
  agency: string | NamedRef;
  workspace: string | NamedRef | null;
  expiresAt: string;
}

export interface NamedRef {
  id?: string;
  name: string;
}

export function refName(ref: string | NamedRef | null | undefined): string | null {
  if (ref == null) return null;
  return typeof ref === 'string' ? ref : (ref.name ?? null);
}

export function getPublicInvitation(token: string, signal?: AbortSignal): Promise<PublicInvitation> {
  return getJson(`/public/api/invitations/${seg(token)}`, signal);
}

export function acceptInvitation(token: string, password: string): Promise<unknown> {
  return write('POST', `/public/api/invitations/${seg(token)}/accept`, { password });
}
