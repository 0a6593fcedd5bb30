import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(path.resolve(__dirname, '../../../components/theme.css'), 'utf8');
const colours = new Map(
  [...css.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)].map(([, name, light, dark]) => [name!, { light: light!, dark: dark! }]),
);

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (lighter! + 0.05) / (darker! + 0.05);
}

// WCAG 2.1 AA: 4.5:1 for text, 3:1 for the boundaries of controls and the focus indicator.
const pairs: Array<[foreground: string, background: string, minimum: number]> = [
  ['fg', 'bg', 4.5],
  ['fg', 'surface', 4.5],
  ['muted', 'bg', 4.5],
  ['muted', 'surface', 4.5],
  ['accent', 'bg', 4.5],
  ['accent', 'surface', 4.5],
  ['on-accent', 'accent', 4.5],
  ['control-border', 'bg', 3],
  ['control-border', 'surface', 3],
  ['focus', 'bg', 3],
  ['focus', 'surface', 3],
];

describe('theme colours', () => {
  it.each(['light', 'dark'] as const)('have enough contrast in the %s theme', (theme) => {
    for (const [foreground, background, minimum] of pairs) {
      const ratio = contrast(colours.get(foreground)![theme], colours.get(background)![theme]);
      expect(ratio, `${foreground} on ${background}`).toBeGreaterThanOrEqual(minimum);
    }
  });
});
