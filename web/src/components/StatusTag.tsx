const LABELS: Record<string, string> = {
  active: 'Active',
  suspended: 'Suspended',
  deleting: 'Being deleted',
};

export function StatusTag({ status }: { status: string }) {
  return <span className={`tag tag-status tag-${status.replace(/[^a-z-]/g, '')}`}>{LABELS[status] ?? status}</span>;
}

export function planLabel(plan: string): string {
  return plan.charAt(0).toUpperCase() + plan.slice(1);
}
