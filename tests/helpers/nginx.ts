/**
 * Starts Debian's nginx (or any nginx on PATH / at /usr/sbin/nginx) as the
 * current user on a built site, with the project's server block
 * (`deploy/nginx/afgazad.conf`) exactly as committed, except its `listen`
 * (a free local port), `server_name` and `root` (the site). Everything nginx
 * writes (pid, logs, temp files) goes to a temp folder; `daemon off`, so the
 * process is ours and `stop()` ends it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectRoot } from './paths.ts';

export const NGINX_CONF = join(projectRoot, 'deploy', 'nginx', 'afgazad.conf');

/** The nginx binary, or undefined where there is none. */
export function findNginx(): string | undefined {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx']) if (existsSync(candidate)) return candidate;
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Nginx {
  readonly origin: string;
  /** What nginx has written to its error log so far (warnings about the config included). */
  errorLog(): string;
  stop(): Promise<void>;
}

/**
 * The committed server block with one line each of `listen`, `server_name`
 * and `root` replaced; throws if one is missing (the README tells a deployer
 * to edit exactly those).
 */
export function localServerBlock(conf: string, port: number, root: string): string {
  let out = conf;
  for (const [directive, value] of [['listen', `127.0.0.1:${port}`], ['server_name', 'localhost'], ['root', root]] as const) {
    const line = new RegExp(`^(\\s*)${directive}\\s+[^;]*;`, 'm');
    if (!line.test(out)) throw new Error(`${NGINX_CONF} has no \`${directive} …;\` line to point at the test site`);
    out = out.replace(line, `$1${directive} ${value};`);
  }
  return out;
}

/**
 * Serves `root` with nginx on a free port of 127.0.0.1.
 * @example const nginx = await startNginx(bin, distDir); await fetch(nginx.origin + '/fa'); await nginx.stop();
 */
export async function startNginx(bin: string, root: string): Promise<Nginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'aa-nginx-'));
  for (const dir of ['logs', 'temp']) mkdirSync(join(prefix, dir));
  const port = await freePort();
  // mime.types sits beside the packaged nginx.conf (Debian: /etc/nginx/).
  const confPath = /--conf-path=(\S+)/.exec(spawnSync(bin, ['-V'], { encoding: 'utf8' }).stderr)?.[1] ?? '/etc/nginx/nginx.conf';
  const mimeTypes = join(dirname(confPath), 'mime.types');
  writeFileSync(join(prefix, 'site.conf'), localServerBlock(readFileSync(NGINX_CONF, 'utf8'), port, root));
  const temp = (name: string) => `${name}_temp_path ${join(prefix, 'temp', name)};`;
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      'daemon off;',
      // One process, so stop() (or a SIGKILL) leaves no worker behind.
      'master_process off;',
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${join(prefix, 'logs', 'error.log')} warn;`,
      'events { worker_connections 64; }',
      'http {',
      `  include ${mimeTypes};`,
      '  default_type application/octet-stream;',
      `  access_log ${join(prefix, 'logs', 'access.log')};`,
      `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
      `  include ${join(prefix, 'site.conf')};`,
      '}',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(bin, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'logs', 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never outlive the test process, however it ends.
  const orphanGuard = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      process.off('exit', orphanGuard);
      const log = existsSync(join(prefix, 'logs', 'error.log')) ? readFileSync(join(prefix, 'logs', 'error.log'), 'utf8') : '';
      throw new Error(`nginx exited with ${child.exitCode}:\n${stderr}\n${log}`);
    }
    try {
      await fetch(origin + '/', { method: 'HEAD' });
      break;
    } catch {
      if (Date.now() > deadline) {
        orphanGuard();
        throw new Error(`nginx did not answer on ${origin} within 15 s:\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    origin,
    errorLog: () => {
      const file = join(prefix, 'logs', 'error.log');
      return stderr + (existsSync(file) ? readFileSync(file, 'utf8') : '');
    },
    stop: async () => {
      process.off('exit', orphanGuard);
      if (child.exitCode === null) {
        // SIGQUIT: graceful shutdown; SIGKILL if it has not gone within 5 s.
        child.kill('SIGQUIT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
