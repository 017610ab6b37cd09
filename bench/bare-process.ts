/**
 * Starts bench/bare-server.ts as its own process and resolves with its URL once it listens.
 */
import type { ChildGroup } from './children.ts';

export interface BareProcess {
  url: string;
  pid: number;
  close(): Promise<void>;
}

export async function startBareProcess(children: ChildGroup, answersFile: string, timeoutMs: number): Promise<BareProcess> {
  const child = children.spawnTs('bench/bare-server.ts', [answersFile]);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bare server did not start within ${timeoutMs} ms`)), timeoutMs);
    let text = '';
    child.process.stdout?.on('data', (chunk: string) => {
      text += chunk;
      const line = /^\{.*\}$/m.exec(text)?.[0];
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    void child.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the bare server exited (${code}):\n${child.output()}`));
    });
  }).catch(async (error: unknown) => {
    await children.stop(child);
    throw error;
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.process.pid!, close: () => children.stop(child) };
}
