/**
 * The first `max` characters of a value's JSON text, written without recursion and without
 * writing more than it keeps: a body nested thousands deep (which `JSON.parse` accepts and
 * `JSON.stringify` overflows the stack on, before Node 26) or a megabyte wide costs no more than `max`.
 *
 * @example jsonPrefix({ a: [1, 2, 3] }, 8) // '{"a":[1,'
 */
type Frame = { kind: 'value'; value: unknown } | { kind: 'text'; text: string };

export function jsonPrefix(value: unknown, max: number): string {
  let out = '';
  // Frames to write, last first: values to expand, and punctuation.
  const stack: Frame[] = [{ kind: 'value', value }];
  while (stack.length > 0 && out.length < max) {
    const frame = stack.pop()!;
    if (frame.kind === 'text') {
      out += frame.text;
      continue;
    }
    const current = frame.value;
    if (Array.isArray(current)) {
      stack.push({ kind: 'text', text: ']' });
      for (let i = current.length - 1; i >= 0; i--) {
        stack.push({ kind: 'value', value: current[i] ?? null });
        if (i > 0) stack.push({ kind: 'text', text: ',' });
      }
      out += '[';
    } else if (typeof current === 'object' && current !== null) {
      const keys = Object.keys(current);
      stack.push({ kind: 'text', text: '}' });
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push({ kind: 'value', value: (current as Record<string, unknown>)[keys[i]!] });
        stack.push({ kind: 'text', text: `${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:` });
      }
      out += '{';
    } else {
      out += JSON.stringify(current) ?? 'null';
    }
  }
  return out.slice(0, max);
}
