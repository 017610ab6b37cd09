/**
 * The text of a journaled request (its path, query string, raw header lines and body), copied
 * into bytes that one ring slot owns and reuses. Keeping the request's own strings and objects
 * instead (its headers object, its parsed body) made each of them outlive a thousand requests,
 * so the garbage collector moved every request's headers to the old generation and swept them
 * there later: a fifth of what a client-info answer cost (docs/decisions/027). Bytes in a Buffer
 * are not the collector's business. The text comes back, when a test asks, as Node would have
 * made it: the headers through `IncomingMessage`'s own rules for repeated fields.
 */
import { IncomingMessage, type IncomingHttpHeaders } from 'node:http';

/** Smallest bytes a slot starts with: a typical API request fits. */
const MIN_BYTES = 1024;

/** `IncomingMessage`'s method that files raw header lines; Node's own, so repeats merge as in `req.headers`. */
interface HeaderFiling {
  _addHeaderLines(headers: string[], count: number): void;
}

export class RequestText {
  #bytes: Buffer = Buffer.alloc(0);
  /** Where each string ends in `#bytes`: path, search, then the raw header lines, then the body. */
  #ends = new Uint32Array(16);
  #count = 0;

  /**
   * Copies the request's text. `path`, `search` and the header lines are Latin-1 (Node reads a
   * request head one byte a character); the body is the UTF-8 text it was parsed from, or ''.
   */
  write(path: string, search: string, rawHeaders: readonly string[], body: string): void {
    // One string and two writes: a `Buffer#write` a string cost more than the copy itself.
    const head = path + search + rawHeaders.join('');
    const headBytes = head.length;
    const size = headBytes + Buffer.byteLength(body);
    const strings = rawHeaders.length + 3;
    if (this.#bytes.length < size) this.#bytes = Buffer.allocUnsafe(Math.max(MIN_BYTES, size, 2 * this.#bytes.length));
    if (this.#ends.length < strings) this.#ends = new Uint32Array(Math.max(strings, 2 * this.#ends.length));
    const ends = this.#ends;
    let at = path.length;
    ends[0] = at;
    ends[1] = at += search.length;
    for (let i = 0; i < rawHeaders.length; i++) ends[i + 2] = at += rawHeaders[i]!.length;
    this.#bytes.write(head, 0, 'latin1');
    ends[strings - 1] = body === '' ? headBytes : headBytes + this.#bytes.write(body, headBytes, 'utf8');
    this.#count = strings;
  }

  get path(): string {
    return this.#latin1(0);
  }

  get search(): string {
    return this.#latin1(1);
  }

  /** The request's headers object, as `req.headers` was. */
  headers(): IncomingHttpHeaders {
    const lines: string[] = [];
    for (let i = 2; i < this.#count - 1; i++) lines.push(this.#latin1(i));
    const message = new IncomingMessage(null as never);
    (message as unknown as HeaderFiling)._addHeaderLines(lines, lines.length);
    return message.headers;
  }

  get body(): string {
    const last = this.#count - 1;
    return this.#bytes.toString('utf8', this.#ends[last - 1], this.#ends[last]);
  }

  #latin1(i: number): string {
    return this.#bytes.toString('latin1', i === 0 ? 0 : this.#ends[i - 1], this.#ends[i]);
  }
}
