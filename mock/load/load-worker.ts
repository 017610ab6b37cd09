/**
 * A loader thread (loader-threads.ts): encodes the chunks of a fixture file it is sent, one at a
 * time, and sends each result back with its buffers moved, not copied.
 */
import { parentPort } from 'node:worker_threads';
import { transferables } from '../core/encoded-records.ts';
import { specValidators } from '../../spec/index.ts';
import { type RecordCheck, encodeChunk } from './encode-chunk.ts';
import type { ChunkReply, ChunkRequest } from './loader-threads.ts';

const port = parentPort;
if (!port) throw new Error('load-worker.ts runs as a worker thread (loader-threads.ts)');
const isCustomerRecord = specValidators().component('CustomerRecord') as RecordCheck;

port.on('message', ({ id, bytes }: ChunkRequest) => {
  let reply: ChunkReply;
  try {
    reply = { id, chunk: encodeChunk(bytes, isCustomerRecord) };
  } catch (error) {
    reply = { id, error: (error as Error).stack ?? String(error) };
  }
  port.postMessage(reply, reply.chunk ? transferables(reply.chunk.records) : []);
});
