// The README's pictures and links: every picture it shows exists in docs/, its first screen shows
// the terminal and the workbook, it never sends a reader outside the repository, and its
// Development section names the script that redraws the pictures (npm run docs:pictures).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Markdown link and image targets and HTML src/href values, outside code blocks. */
export function linkTargets(markdown: string): string[] {
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '');
  const markdownTargets = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const htmlTargets = [...text.matchAll(/\b(?:src|href)\s*=\s*"([^"]+)"/g)].map((m) => m[1]!);
  return [...markdownTargets, ...htmlTargets];
}

/** The image targets: ![…](…) and <img src="…">. */
export function imageTargets(markdown: string): string[] {
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return [...[...text.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?/g)].map((m) => m[1]!), ...[...text.matchAll(/<img\b[^>]*\bsrc\s*=\s*"([^"]+)"/g)].map((m) => m[1]!)];
}

const local = (target: string) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#');
const pathOf = (target: string) => decodeURIComponent(target.split('#')[0]!);

/** The text up to the second level-2 heading: the opening and the first section. */
function firstScreen(markdown: string): string {
  const headings = [...markdown.matchAll(/^## /gm)].map((m) => m.index!);
  return markdown.slice(0, headings[1] ?? markdown.length);
}

describe('README pictures', () => {
  it('finds the links in markdown and HTML, and none inside code blocks', () => {
    const sample = '![a](docs/a.png) [b](docs/b.md#x) <img src="docs/c.png" width="9">\n```\n![d](docs/d.png)\n```\n';
    expect(linkTargets(sample)).toEqual(['docs/a.png', 'docs/b.md#x', 'docs/c.png']);
    expect(imageTargets(sample)).toEqual(['docs/a.png', 'docs/c.png']);
  });

  it('shows only pictures that exist in docs/', () => {
    const images = imageTargets(README);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(image, image).toMatch(/^docs\/[^?#]+\.png$/);
      expect(existsSync(join(ROOT, pathOf(image))), `${image} is missing`).toBe(true);
    }
  });

  it('links to pictures, files and folders that exist, all inside the repository', () => {
    for (const target of linkTargets(README).filter(local)) {
      const path = pathOf(target);
      if (path === '') continue;
      expect(path, `${target} leaves the repository`).not.toMatch(/^(\/|~|\.\.(\/|$))/);
      expect(resolve(ROOT, path).startsWith(ROOT), `${target} leaves the repository`).toBe(true);
      expect(existsSync(join(ROOT, path)), `${target} is missing`).toBe(true);
    }
  });

  it('links only to headings it has (anchors as GitHub makes them)', () => {
    const text = README.replace(/^```[\s\S]*?^```/gm, '');
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    for (const m of text.matchAll(/^#{1,6} (.+)$/gm)) {
      const slug = m[1]!.trim().toLowerCase().replace(/[^\p{L}\p{N}\- _]/gu, '').replace(/ /g, '-');
      const n = seen.get(slug);
      seen.set(slug, (n ?? -1) + 1);
      anchors.add(n === undefined ? slug : `${slug}-${n + 1}`);
    }
    const links = linkTargets(README).filter((t) => t.startsWith('#'));
    expect(links).toContain('#development');
    for (const link of links) expect(anchors.has(link.slice(1)), `${link} names no heading`).toBe(true);
  });

  it('opens with a picture of the terminal and one of the workbook', () => {
    const opening = imageTargets(firstScreen(README));
    expect(opening.some((image) => image.startsWith('docs/terminal/'))).toBe(true);
    expect(opening.some((image) => image.startsWith('docs/workbook/'))).toBe(true);
  });

  it('names the pictures script in the Development section, and the script exists', () => {
    const development = README.slice(README.indexOf('\n## Development'));
    expect(development.length).toBeGreaterThan(20);
    expect(development).toContain('npm run docs:pictures');
    expect(development).toContain('docs-pictures.mjs');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['docs:pictures']).toContain('node scripts/docs-pictures.mjs');
    expect(existsSync(join(ROOT, 'scripts', 'docs-pictures.mjs'))).toBe(true);
  });
});
