import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, createTenant, PLANS, type CreatedTenant, type NewTenant, type Plan } from '../../api';
import { asApiError, compact, fieldErrorsOf, required, slugify, validEmail, validSlug, validUsername, type FieldErrors } from '../../forms';
import { adminTenantPath, adminTenantsPath, onLinkClick } from '../../router';
import { SelectField, TextField } from '../Field';
import { OneTimeSecret } from '../OneTimeSecret';
import { ProblemMessage } from '../ProblemMessage';
import { planLabel } from '../StatusTag';

export const PLAN_OPTIONS = PLANS.map((p) => ({
  value: p,
  label: `${planLabel(p)} — ${p === 'starter' ? 'up to 3 workspaces, 10 members' : p === 'growth' ? 'up to 25 workspaces, 100 members' : 'no limits'}`,
}));

const FIELDS = ['name', 'slug', 'plan', 'adminEmail', 'adminName', 'adminUsername'] as const;

export function CreateTenant() {
  useEffect(() => {
    document.title = 'New agency · Waymark';
  }, []);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [plan, setPlan] = useState<Plan>('starter');
  const [adminEmail, setAdminEmail] = useState('');
  const [adminName, setAdminName] = useState('');
  const [adminUsername, setAdminUsername] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<CreatedTenant | null>(null);

  if (created) return <Created tenant={created} />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = compact({
      name: required(name),
      slug: validSlug(slug),
      adminEmail: validEmail(adminEmail),
      adminName: required(adminName),
      adminUsername: validUsername(adminUsername),
    });
    setErrors(local);
    setProblem(null);
    if (Object.keys(local).length > 0) return;
    const body: NewTenant = { name: name.trim(), slug, plan, adminEmail: adminEmail.trim(), adminName: adminName.trim() };
    if (adminUsername.trim() !== '') body.adminUsername = adminUsername.trim();
    setSaving(true);
    try {
      setCreated(await createTenant(body));
    } catch (e) {
      const error = asApiError(e);
      setErrors(fieldErrorsOf(error));
      setProblem(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="page">
      <div className="page-head">
        <p className="breadcrumb">
          <a href={adminTenantsPath} onClick={(e) => onLinkClick(e, adminTenantsPath)}>
            Agencies
          </a>{' '}
          / New
        </p>
        <h1 className="page-title">New agency</h1>
        <p className="page-sub">Creates the agency, its sign-in organization and its first agency administrator.</p>
      </div>
      <form className="panel form" onSubmit={submit} noValidate aria-label="New agency">
        <fieldset className="form-section" disabled={saving}>
          <legend>Agency</legend>
          <TextField
            id="name"
            label="Name"
            required
            value={name}
            error={errors.name}
            onChange={(v) => {
              setName(v);
              if (!slugTouched) setSlug(slugify(v));
            }}
          />
          <TextField
            id="slug"
            label="Slug"
            required
            spellCheck={false}
            value={slug}
            error={errors.slug}
            hint="Identifies the agency in sign-in and URLs. Lowercase letters, digits and -; cannot be changed later."
            onChange={(v) => {
              setSlugTouched(true);
              setSlug(v);
            }}
          />
          <SelectField id="plan" label="Plan" required value={plan} error={errors.plan} options={PLAN_OPTIONS} onChange={(v) => setPlan(v as Plan)} />
        </fieldset>
        <fieldset className="form-section" disabled={saving}>
          <legend>First agency administrator</legend>
          <TextField id="adminName" label="Full name" required value={adminName} error={errors.adminName} onChange={setAdminName} />
          <TextField
            id="adminEmail"
            label="Email"
            type="email"
            required
            value={adminEmail}
            error={errors.adminEmail}
            hint="If a user with this email exists, they are made administrator and keep their password."
            onChange={setAdminEmail}
          />
          <TextField
            id="adminUsername"
            label="Username"
            spellCheck={false}
            value={adminUsername}
            error={errors.adminUsername}
            hint="Defaults to the email."
            onChange={setAdminUsername}
          />
        </fieldset>
        {problem && <ProblemMessage error={problem} shownFields={FIELDS} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Creating…' : 'Create agency'}
          </button>
          <a className="button button-quiet" href={adminTenantsPath} onClick={(e) => onLinkClick(e, adminTenantsPath)}>
            Cancel
          </a>
        </div>
      </form>
    </div>
  );
}

function Created({ tenant }: { tenant: CreatedTenant }) {
  const href = adminTenantPath(tenant.id);
  const password = tenant.admin?.temporaryPassword;
  return (
    <div className="page">
      <div className="page-head">
        <p className="breadcrumb">
          <a href={adminTenantsPath} onClick={(e) => onLinkClick(e, adminTenantsPath)}>
            Agencies
          </a>{' '}
          / New
        </p>
        <h1 className="page-title">Agency created</h1>
      </div>
      <section className="panel">
        <div className="notice notice-success" role="status">
          <p className="notice-title">{tenant.name} is ready</p>
          <p className="notice-detail">
            Slug <span className="mono">{tenant.slug}</span>, {planLabel(tenant.plan)} plan. Administrator:{' '}
            <strong>{tenant.admin?.username}</strong> ({tenant.admin?.email}).
          </p>
        </div>
        {password ? (
          <OneTimeSecret username={tenant.admin.username} password={password} />
        ) : (
          <p className="panel-note">
            {tenant.admin?.email} already had a Waymark account, so no password was created: they sign in as before.
          </p>
        )}
        <div className="form-actions">
          <a className="button button-primary" href={href} onClick={(e) => onLinkClick(e, href)}>
            Open the agency
          </a>
          <a className="button button-secondary" href={adminTenantsPath} onClick={(e) => onLinkClick(e, adminTenantsPath)}>
            Back to agencies
          </a>
        </div>
      </section>
    </div>
  );
}
