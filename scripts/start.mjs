// `npm start`: build what has changed (turbo skips what has not), then run everything in one process.
import { spawnSync, spawn } from 'node:child_process';

// Request logs stay quiet unless asked for, so the start-up message with the addresses stays readable.
const env = { LOG_LEVEL: 'warn', ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' };
const build = spawnSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only', '--log-prefix=none'], { stdio: 'inherit', env });
if (build.status !== 0) {
  process.stderr.write('The build failed, so the system was not started. The errors are above.\n');
  process.exit(build.status ?? 1);
}
const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-all.ts', ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
