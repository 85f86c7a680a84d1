import { useState } from 'react';

/** A file name from the journey's name: characters file systems refuse become "-". */
export function pngFileName(journeyName: string): string {
  const cleaned = journeyName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim();
  return `${cleaned === '' ? 'journey' : cleaned}.png`;
}

/** Nodes marked `data-export="skip"` (edit buttons, drop hints) are left out of the picture. */
function keep(node: HTMLElement): boolean {
  return !(node instanceof HTMLElement && node.dataset?.export === 'skip');
}

/**
 * "Download PNG": a picture of the whole map canvas (all stages, not only the part scrolled into view),
 * rendered in the browser by html-to-image, saved as `<journey name>.png`.
 */
export function ExportPngButton({ target, journeyName }: { target: () => HTMLElement | null; journeyName: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    const node = target();
    if (!node) {
      setError('There is no map to export yet: add a stage first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // Loaded on demand: most visits never export.
      const { toPng } = await import('html-to-image');
      const dataUrl = await toPng(node, {
        backgroundColor: '#ffffff',
        pixelRatio: 2,
        width: node.scrollWidth,
        height: node.scrollHeight,
        filter: keep,
      });
      const a = document.createElement('a');
      a.href = dataUrl;
      a.download = pngFileName(journeyName);
      document.body.appendChild(a);
      a.click();
      a.remove();
    } catch {
      setError('The picture could not be made in this browser. Try again, or use the CSV export.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="csv">
      <button type="button" className="button button-secondary" onClick={() => void download()} disabled={busy}>
        {busy ? 'Drawing…' : 'Download PNG'}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
