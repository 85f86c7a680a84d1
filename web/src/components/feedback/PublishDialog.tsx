import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { Distribution } from '../../apiFeedback';
import { SidePanel } from '../SidePanel';

/** The link as an SVG QR code (no canvas needed), as a data URL an <img> and a download can use. */
export async function qrDataUrl(link: string): Promise<string> {
  const svg = await QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function CopyRow({ id, label, value, multiline }: { id: string; label: string; value: string; multiline?: boolean }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div className="field fb-copy">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="fb-copy-row">
        {multiline ? (
          <textarea id={id} className="mono" readOnly value={value} rows={3} onFocus={(e) => e.target.select()} />
        ) : (
          <input id={id} className="mono" readOnly value={value} onFocus={(e) => e.target.select()} />
        )}
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          Copy <span className="visually-hidden">{label.toLowerCase()}</span>
        </button>
      </div>
      <p className="field-hint" role="status" aria-live="polite">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Could not copy — select it and copy by hand.' : ''}
      </p>
    </div>
  );
}

interface Props {
  surveyName: string;
  distribution: Distribution;
  /** True right after publishing; false when reopened to share an active survey. */
  justPublished: boolean;
  /** Offered when the user may close the survey. */
  onCloseSurvey?: () => void;
  onClose: () => void;
}

/** Where the published survey lives: link, QR code of the link, and the widget snippet to embed. */
export function PublishDialog({ surveyName, distribution, justPublished, onCloseSurvey, onClose }: Props) {
  const [qr, setQr] = useState<string | null>(null);
  const [qrFailed, setQrFailed] = useState(false);

  useEffect(() => {
    let live = true;
    setQr(null);
    setQrFailed(false);
    qrDataUrl(distribution.link).then(
      (url) => live && setQr(url),
      () => live && setQrFailed(true),
    );
    return () => {
      live = false;
    };
  }, [distribution.link]);

  return (
    <SidePanel title={justPublished ? 'Survey published' : 'Share the survey'} subtitle={surveyName} onClose={onClose}>
      <div className="fb-publish">
        {justPublished && <p className="notice notice-success">The survey is live: respondents can answer through the link and the widget.</p>}
        <CopyRow id="publish-link" label="Survey link" value={distribution.link} />
        <p>
          <a href={distribution.link} target="_blank" rel="noreferrer">
            Open the survey in a new tab
          </a>
        </p>
        <figure className="fb-qr">
          {qr ? <img src={qr} width={180} height={180} alt={`QR code of the survey link ${distribution.link}`} /> : qrFailed ? <p className="muted">The QR code could not be drawn.</p> : <p className="muted">Drawing the QR code…</p>}
          <figcaption>
            Print it on receipts, posters or packaging.{' '}
            {qr && (
              <a href={qr} download="survey-qr.svg">
                Download the QR code (SVG)
              </a>
            )}
          </figcaption>
        </figure>
        <CopyRow id="publish-snippet" label="Widget snippet" value={distribution.widgetSnippet} multiline />
        <p className="field-hint">Paste the snippet into your website’s HTML, before the closing &lt;/body&gt; tag.</p>
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={onClose}>
            Done
          </button>
          {onCloseSurvey && (
            <button type="button" className="button button-secondary" onClick={onCloseSurvey}>
              Close survey…
            </button>
          )}
        </div>
      </div>
    </SidePanel>
  );
}
