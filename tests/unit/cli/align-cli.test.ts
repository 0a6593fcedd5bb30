import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'parallax-cli-'));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/align.ts'), ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

describe('npm run align', () => {
  it('aligns a JSON document and reads only its zh and en', () => {
    const input = file('doc.json', JSON.stringify({ zh: ['我们明天去学校。', '他笑了。'], en: ['We will go to school tomorrow.', 'He laughed.'], gold: [[[9], [9]]] }));
    const { code, stdout } = cli('--input', input);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ beads: [[[0], [0]], [[1], [1]]] });
    expect(JSON.parse(stdout).scores).toHaveLength(2);
  });

  it('gives valid empty output for empty but valid input', () => {
    const { code, stdout } = cli('--input', file('empty.json', '{"zh": [], "en": []}'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ beads: [], scores: [] });
  });

  it.each([
    ['a missing file', ['--input', path.join(dir, 'absent.json')]],
    ['invalid JSON', ['--input', 'INVALID']],
    ['an empty file', ['--input', 'EMPTY']],
    ['a missing array', ['--input', 'NO_EN']],
    ['a sentence that is not a string', ['--input', 'NUMBER']],
    ['an unknown flag', ['--frobnicate']],
    ['no input at all', []],
    ['--zh without --en', ['--zh', 'x.txt']],
  ])('fails with one line and exit code 2 on %s', (_, rawArgs) => {
    const files: Record<string, string> = {
      INVALID: file('invalid.json', '{"zh": ['),
      EMPTY: file('empty-file.json', ''),
      NO_EN: file('no-en.json', '{"zh": ["一。"]}'),
      NUMBER: file('number.json', '{"zh": [1], "en": []}'),
    };
    const { code, stdout, stderr } = cli(...rawArgs.map((a) => files[a] ?? a));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('aligns every document of a directory into another', () => {
    const inputDir = mkdtempSync(path.join(dir, 'in-'));
    const outputDir = path.join(dir, 'out');
    writeFileSync(path.join(inputDir, 'a.json'), JSON.stringify({ zh: ['天气很好。'], en: ['The weather is fine.'] }));
    writeFileSync(path.join(inputDir, 'b.json'), JSON.stringify({ zh: [], en: ['Alone.'] }));
    expect(cli('--input-dir', inputDir, '--output-dir', outputDir).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(outputDir, 'a.json'), 'utf8')).beads).toEqual([[[0], [0]]]);
    expect(JSON.parse(readFileSync(path.join(outputDir, 'b.json'), 'utf8')).beads).toEqual([[[], [0]]]);
  });

  it('splits raw text into sentences and prints the pairs, or JSON with --json', () => {
    const zh = file('a.txt', '我们明天去学校。天气很好。\n他笑了。\n');
    const en = file('b.txt', 'We will go to school tomorrow. The weather is fine.\nHe laughed.\n');
    const readable = cli('--zh', zh, '--en', en);
    expect(readable.code).toBe(0);
    expect(readable.stdout).toContain('中 他笑了。');
    expect(readable.stdout).toContain('EN He laughed.');
    const json = JSON.parse(cli('--zh', zh, '--en', en, '--json').stdout);
    expect(json.zh).toEqual(['我们明天去学校。', '天气很好。', '他笑了。']);
    expect(json.beads).toContainEqual([[2], [2]]);
  });
});
