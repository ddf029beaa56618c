import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openControlChannel } from '../server/platform/backup/control.js';
import { startScheduler } from '../server/platform/jobs/start.js';
import { openForCommand } from './open.js';

const SHUTDOWN_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS) || 15_000;
const IDLE_GRACE_MS = 2_000;

export async function serve(): Promise<void> {
  const config = loadConfig();
  const { ctx, close } = await openForCommand(config);
  const app = await buildApp(ctx, { logger: true });
  const stops: (() => Promise<void> | void)[] = [];
  for (const start of backgroundServices) stops.push(await start(ctx));
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      app.log.warn(`${signal} again: exiting at once`);
      process.exit(1);
    }
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    // a stop that cannot finish (a request stuck on the database) must not keep the process alive
    const deadline = setTimeout(() => {
      app.log.error(`${signal}: not stopped within ${SHUTDOWN_MS} ms, exiting`);
      process.exit(1);
    }, SHUTDOWN_MS);
    deadline.unref();
    // A connection accepted but whose request is not read yet counts as idle, and closing idle
    // connections resets it: the proxy then cannot tell whether a POST ran and does not resend
    // it (a 502 in the rolling restart, bench/results-cluster.md). Such requests are answered
    // instead; the connections end after their answer (the proxy asks for Connection: close).
    const closeIdle = app.server.closeIdleConnections.bind(app.server);
    app.server.closeIdleConnections = () => {};
    // Connections that stay idle are closed once the listener has been shut for IDLE_GRACE_MS
    // (every connection accepted before has sent its request by then), and again as often: a
    // keep-alive connection left open by a browser or a client without a proxy (the embedded
    // default) would otherwise hold the stop until the deadline and its exit 1 (bench/results-soak.md).
    setInterval(closeIdle, IDLE_GRACE_MS).unref();
    // the listener closes at once (the proxy sends new requests to the other instances), the
    // requests in flight and a running job finish, then the database closes
    await Promise.all([app.close(), ...stops.map((stop) => stop())]);
    await close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  // on the embedded database, `jiandu backup` reaches this server through a local channel
  if (!config.databaseUrl) {
    const port = (app.server.address() as import('node:net').AddressInfo).port;
    const closeChannel = openControlChannel(ctx, port);
    stops.unshift(closeChannel);
    process.once('exit', closeChannel);
  }
  const where = config.databaseUrl ? 'PostgreSQL' : `内置数据库 ${config.dataDir}`;
  console.log(`监督 Jiandu 已启动：http://localhost:${config.port}  （${where}）`);
}

/** Things that run beside the HTTP server (the scheduler registers here); each returns its stop function. */
export const backgroundServices: ((
  ctx: import('../server/platform/context.js').AppContext,
) => Promise<() => Promise<void> | void>)[] = [startScheduler];
