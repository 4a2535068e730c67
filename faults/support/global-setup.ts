import { spawnSync } from 'node:child_process';
import { root } from './parts';

/** The parts run from their builds, as production runs them: build what has changed first. */
export default function setup(): void {
  // Several test runs on one machine must not build into the same folders at once.
  const build = spawnSync('flock', ['/tmp/complaints-build.lock', 'npx', 'turbo', 'run', 'build', '--output-logs=errors-only'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error('The build failed.');
}
