// Runs before `npm start`: builds the web app when web/dist is missing or older than its sources,
// so a fresh clone works with `npm install && npm start` and a restart does not rebuild needlessly.
import { execSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const sources = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'core/src'];

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) {
    return 0;
  }
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

const built = statSync('web/dist/index.html', { throwIfNoEntry: false });
if (!built || Math.max(...sources.map(newestMtime)) > built.mtimeMs) {
  console.log('Building the web app…');
  execSync('npm run build:web', { stdio: 'inherit' });
}
