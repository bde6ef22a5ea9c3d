import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './server-process';

/**
 * The server as it was at a git revision, for an A/B comparison inside one benchmark run: the
 * tracked files of `server/`, `core/` and the configuration at `ref` (git archive, so the
 * checkout and other people's work in it are untouched), with this repository's node_modules.
 */
export function checkoutBaseline(ref: string): { dir: string; commit: string } {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: repoRoot, encoding: 'utf8' }).trim();
  const dir = mkdtempSync(join(tmpdir(), `twofold-baseline-${commit}-`));
  const archive = execFileSync('git', ['archive', commit, 'server', 'core', 'package.json', 'tsconfig.json'], {
    cwd: repoRoot,
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, commit };
}
