/**
 * The load generator of the throughput benchmarks, as a process of its own: run in the server's process,
 * autocannon would share the server's one event loop and halve what it measures. Reads its task as JSON from
 * argv[2] (url, cookie, paths to cycle through, connections, seconds) and prints autocannon's result as JSON.
 */
import autocannon from 'autocannon';

interface LoadTask {
  url: string;
  cookie: string;
  paths: string[];
  connections: number;
  seconds: number;
}

const task = JSON.parse(process.argv[2] ?? '{}') as LoadTask;
let next = 0;
const result = await autocannon({
  url: task.url,
  connections: task.connections,
  duration: task.seconds,
  headers: { cookie: task.cookie },
  requests: [
    {
      method: 'GET',
      setupRequest: (request) => ({ ...request, path: task.paths[next++ % task.paths.length] }),
    },
  ],
});
process.stdout.write(JSON.stringify(result));
