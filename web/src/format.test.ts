import { describe, expect, it } from 'vitest';
import type { Score } from './api';
import { describeScore, emotionLabel, formatCi, formatSigned, formatValue } from './format';

const score = (s: Partial<Score>): Score => ({ value: 32, n: 123, ciLow: -4, ciHigh: 18, enough: true, ...s });

describe('formatSigned', () => {
  it('writes positive numbers with a plus and negative ones with a real minus sign', () => {
    expect(formatSigned(32)).toBe('+32');
    expect(formatSigned(-4)).toBe('\u22124');
    expect(formatSigned(100)).toBe('+100');
  });

  it('rounds to whole points and never shows a signed zero', () => {
    expect(formatSigned(17.6)).toBe('+18');
    expect(formatSigned(-0.4)).toBe('0');
    expect(formatSigned(0)).toBe('0');
  });
});

describe('formatValue', () => {
  it('formats each metric on its own scale', () => {
    expect(formatValue('nps', -12.5)).toBe('\u221212');
    expect(formatValue('csat', 81.64)).toBe('82%');
    expect(formatValue('ces', 5.44)).toBe('5.4');
  });
});

describe('formatCi', () => {
  it('shows the 95% interval with signed NPS bounds', () => {
    expect(formatCi('nps', -4.2, 18.3)).toBe('95% CI \u22124 \u2026 +18');
  });

  it('uses the metric scale for the bounds', () => {
    expect(formatCi('csat', 75.5, 88.1)).toBe('95% CI 76% \u2026 88%');
    expect(formatCi('ces', 5.1, 5.73)).toBe('95% CI 5.1 \u2026 5.7');
  });

  it('is absent when a bound is missing', () => {
    expect(formatCi('nps', null, 10)).toBeNull();
    expect(formatCi('nps', 1, undefined)).toBeNull();
  });
});

describe('describeScore', () => {
  it('shows value, n and interval when there is enough data', () => {
    const view = describeScore('nps', score({ value: 31.7, n: 1234 }));
    expect(view).toMatchObject({
      state: 'ok',
      headline: '+32',
      nText: 'n = 1,234',
      ci: '95% CI \u22124 \u2026 +18',
    });
    expect(view.label).toBe('NPS +32, n = 1,234, 95% confidence interval \u22124 to +18');
  });

  it('withholds the number below the minimum n', () => {
    const view = describeScore('nps', score({ value: 71, n: 7, enough: false }));
    expect(view.state).toBe('insufficient');
    expect(view.headline).toBe('not enough data (n = 7)');
    expect(view.headline).not.toContain('71');
  });

  it('treats a missing value as not enough data even when flagged enough', () => {
    expect(describeScore('csat', score({ value: null, n: 40 })).headline).toBe('not enough data (n = 40)');
  });

  it('says there is no data when the score is null or has no answers', () => {
    expect(describeScore('nps', null)).toMatchObject({ state: 'none', headline: 'No data yet' });
    expect(describeScore('ces', score({ n: 0, value: null, enough: false })).state).toBe('none');
  });

  it('omits the interval but keeps n when bounds are null', () => {
    const view = describeScore('nps', score({ ciLow: null, ciHigh: null }));
    expect(view).toMatchObject({ state: 'ok', nText: 'n = 123', ci: null });
  });
});

describe('emotionLabel', () => {
  it('names the point on the −2…+2 scale', () => {
    expect(emotionLabel(-2)).toBe('\u22122 very negative');
    expect(emotionLabel(1)).toBe('+1 positive');
    expect(emotionLabel(0)).toBe('0 neutral');
    expect(emotionLabel(null)).toBeNull();
  });
});
