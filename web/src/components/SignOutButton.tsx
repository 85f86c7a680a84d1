import { csrfToken } from '../csrf';

/**
 * A real form POST rather than fetch: the browser then follows the gateway's redirect to Keycloak's
 * end-session endpoint, so the identity-provider session ends too and the next sign-in asks again.
 * Spring Security accepts the CSRF token as the `_csrf` form field.
 */
export function SignOutButton({ className = 'button button-quiet' }: { className?: string }) {
  return (
    <form
      method="post"
      action="/logout"
      className="sign-out"
      onSubmit={(event) => {
        const field = event.currentTarget.elements.namedItem('_csrf') as HTMLInputElement | null;
        if (field) field.value = csrfToken() ?? '';
      }}
    >
      <input type="hidden" name="_csrf" defaultValue={csrfToken() ?? ''} />
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
