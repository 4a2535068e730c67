import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { describe, expect, inject, it } from 'vitest';

const portal = new URL(inject('portalUrl'));
const systemPid = inject('systemPid');

const MB = 1024 * 1024;
const BODY = 200 * MB;

/** The resident memory of the process running the system, in bytes. */
function residentBytes(): number {
  const status = readFileSync(`/proc/${systemPid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)![1]) * 1024;
}

type Outcome = { status: number; body: string; sentWhenAnswered: number; connectionHeader: string | undefined; peakGrowth: number };

/**
 * Posts a 200 MB file to the documents page, a megabyte at a time as the socket takes it, and
 * stops sending once the server answers: how much had gone when it did, and how far the system's
 * memory rose meanwhile.
 */
function postHugeFile(options: { declareLength: boolean }): Promise<Outcome> {
  const boundary = 'x-huge-upload-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`);
  const chunk = Buffer.alloc(MB, 'a');
  const before = residentBytes();
  let peak = before;
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request({
      host: portal.hostname,
      port: portal.port,
      path: '/complain/documents',
      method: 'POST',
      headers: {
        Origin: portal.origin,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        ...(options.declareLength ? { 'Content-Length': String(BODY) } : {}),
      },
    });
    const watch = setInterval(() => (peak = Math.max(peak, residentBytes())), 50);
    req.on('response', (res) => {
      answered = true;
      const sentWhenAnswered = sent;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        clearInterval(watch);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sentWhenAnswered, connectionHeader: res.headers.connection, peakGrowth: peak - before });
      });
    });
    req.on('error', (error) => {
      // The server may close the connection as it answers; the answer is what counts.
      if (!answered) {
        clearInterval(watch);
        reject(error);
      }
    });
    // A send that neither moves on nor gets an answer fails with what it had sent, not a hang.
    let lastProgress = Date.now();
    const stall = setInterval(() => {
      if (answered || Date.now() - lastProgress < 30_000) return;
      clearInterval(stall);
      clearInterval(watch);
      req.destroy();
      reject(new Error(`The upload stalled with ${Math.round(sent / MB)} MB sent and no answer`));
    }, 1000);
    req.on('close', () => clearInterval(stall));
    const write = () => {
      lastProgress = Date.now();
      if (answered) return;
      if (sent === 0) {
        sent += head.length;
        if (!req.write(head)) return void req.once('drain', write);
      }
      while (!answered && sent + chunk.length <= BODY) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      if (!answered) req.end();
    };
    // Writing starts once connected: what is written before then waits in the request's own
    // buffer, and only the socket's drain is certain to come.
    req.on('socket', (socket) => (socket.connecting ? socket.once('connect', write) : write()));
  });
}

describe('a body too large for the documents page', () => {
  it('is refused as soon as its declared length is seen, before it is read', async () => {
    const outcome = await postHugeFile({ declareLength: true });
    expect(outcome.status).toBe(413);
    expect(outcome.body).toContain('That was too much to send at once');
    expect(outcome.connectionHeader).toBe('close');
    expect(outcome.sentWhenAnswered).toBeLessThan(20 * MB);
    expect(outcome.peakGrowth).toBeLessThan(64 * MB);
  });

  it('is cut off part-way when it declares no length, without being held in memory', async () => {
    const outcome = await postHugeFile({ declareLength: false });
    expect(outcome.status).toBe(413);
    expect(outcome.body).toContain('That was too much to send at once');
    expect(outcome.connectionHeader).toBe('close');
    // Every file the page accepts fits in about 51 MB; the server answers soon after that.
    expect(outcome.sentWhenAnswered).toBeLessThan(80 * MB);
    expect(outcome.peakGrowth).toBeLessThan(96 * MB);
  });
});
