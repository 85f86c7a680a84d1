import type { Me } from '../api';
import { workspaceNavEntries, type NavEntry } from '../access';
import { navigate, onLinkClick, workspacePath } from '../router';
import { Logo } from './Logo';
import { SignOutButton } from './SignOutButton';

interface Props {
  me: Me;
  workspaceId: string | null;
  /** Administration links the user's roles allow (see access.ts). */
  nav?: NavEntry[];
  pathname?: string;
}

export function Header({ me, workspaceId, nav = [], pathname = '' }: Props) {
  const home = workspaceId ? workspacePath(workspaceId) : '/';
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <a className="brand" href={home} onClick={(e) => onLinkClick(e, home)} aria-label="Waymark, home">
          <Logo />
        </a>
        {me.workspaces.length > 1 ? (
          <WorkspaceSwitcher me={me} workspaceId={workspaceId} />
        ) : (
          me.workspaces[0] && <span className="workspace-name">{me.workspaces[0].name}</span>
        )}
        {workspaceId && <WorkspaceNav entries={workspaceNavEntries(workspaceId)} pathname={pathname} />}
        {nav.length > 0 && (
          <nav className="topnav" aria-label="Administration">
            <ul>
              {nav.map((entry) => {
                const section = entry.path.split('/').slice(0, 3).join('/');
                const current = pathname === entry.path || pathname.startsWith(`${section}/`) || pathname === section;
                return (
                  <li key={entry.path}>
                    <a
                      href={entry.path}
                      className={current ? 'topnav-link topnav-current' : 'topnav-link'}
                      aria-current={current ? 'page' : undefined}
                      onClick={(e) => onLinkClick(e, entry.path)}
                    >
                      {entry.label}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
        <div className="topbar-user">
          <div className="user">
            <span className="user-name">{me.username}</span>
            <span className="user-sub">{me.tenant?.name ?? me.email ?? ''}</span>
          </div>
          <span className="avatar" aria-hidden="true">
            {(me.username || '?').slice(0, 1).toUpperCase()}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}

/** The workspace's sections; an entry is current on its own page and below it. */
function WorkspaceNav({ entries, pathname }: { entries: NavEntry[]; pathname: string }) {
  return (
    <nav className="topnav" aria-label="Workspace sections">
      <ul>
        {entries.map((entry) => {
          const current = pathname === entry.path || pathname.startsWith(`${entry.path}/`);
          return (
            <li key={entry.path}>
              <a
                href={entry.path}
                className={current ? 'topnav-link topnav-current' : 'topnav-link'}
                aria-current={current ? 'page' : undefined}
                onClick={(e) => onLinkClick(e, entry.path)}
              >
                {entry.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function WorkspaceSwitcher({ me, workspaceId }: { me: Me; workspaceId: string | null }) {
  const known = me.workspaces.some((w) => w.id === workspaceId);
  return (
    <div className="switcher">
      <label htmlFor="workspace-switcher">Workspace</label>
      <select
        id="workspace-switcher"
        value={known ? workspaceId! : ''}
        onChange={(e) => {
          if (e.target.value) navigate(workspacePath(e.target.value));
        }}
      >
        {!known && (
          <option value="" disabled>
            Choose a workspace…
          </option>
        )}
        {[...me.workspaces]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
      </select>
    </div>
  );
}
