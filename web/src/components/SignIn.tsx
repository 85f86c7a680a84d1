import { LogoMark } from './Logo';

export const SIGN_IN_URL = '/oauth2/authorization/keycloak';

const FEATURES = [
  { title: 'Map', text: 'Journeys outside-in: stages, touchpoints and the service blueprint behind them.' },
  { title: 'Listen', text: 'Short NPS, CSAT and CES surveys at the touchpoints that matter.' },
  { title: 'Measure', text: 'KPIs with sample size and confidence intervals, from workspace to touchpoint.' },
];

export function SignIn() {
  return (
    <main className="landing">
      <section className="landing-card" aria-labelledby="landing-title">
        <LogoMark size={56} />
        <h1 id="landing-title" className="landing-title">
          Waymark
        </h1>
        <p className="landing-tagline">Customer journeys, feedback and KPIs in one place.</p>
        <a className="button button-primary button-large" href={SIGN_IN_URL}>
          Sign in
        </a>
        <p className="landing-hint">Use the account your agency or organisation gave you.</p>
      </section>
      <ul className="landing-features" aria-label="What Waymark does">
        {FEATURES.map((f) => (
          <li key={f.title} className="landing-feature">
            <h2>{f.title}</h2>
            <p>{f.text}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
