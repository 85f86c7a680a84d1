import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <svg className="empty-art" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <path d="M8 48c10-4 14-20 24-20s14 16 24 12" fill="none" stroke="currentColor" strokeWidth="3" strokeDasharray="4 6" strokeLinecap="round" />
        <circle cx="8" cy="48" r="4" fill="currentColor" />
        <circle cx="56" cy="40" r="4" fill="currentColor" />
      </svg>
      <p className="empty-title">{title}</p>
      {children && <div className="empty-text">{children}</div>}
    </div>
  );
}
