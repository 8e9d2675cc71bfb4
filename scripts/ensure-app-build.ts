// `npm start` serves the participant app from app/dist: a fresh checkout (npm ci && npm start) builds it
// once first. A server whose app is missing still runs and says so at / (src/http/web-app.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const index = new URL('../app/dist/index.html', import.meta.url);
if (!existsSync(index)) {
  console.log('app/dist is missing: building the participant app (npm run build:app)');
  const r = spawnSync('npm', ['run', '--silent', 'build:app'], { stdio: 'inherit' });
  if (r.status !== 0) console.error('the participant app could not be built; the API starts without it');
}
