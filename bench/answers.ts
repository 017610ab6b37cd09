/**
 * The answers file shared by the capture (bench/capture.ts) and the bare server
 * (bench/bare-server.ts): a small module of its own, so the bare server loads nothing else.
 */

/** One captured exchange: the request as the bench sends it, and our mock's answer to it. */
export interface CapturedAnswer {
  method: string;
  path: string;
  requestBody: string;
  status: number;
  contentType: string;
  bodyBase64: string;
}

/** How the bare server finds an answer: method, path and the request body's text. */
export function answerKey(method: string, path: string, body: string): string {
  return `${method} ${path}\n${body}`;
}
