import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPassword } from './password-input.js';

const sink = () => {
  let text = '';
  const out = new Writable({
    write(chunk, _enc, done) {
      text += chunk;
      done();
    },
  });
  return { out, text: () => text };
};

function terminal(keys: string[]) {
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    raw: false,
    setRawMode(raw: boolean) {
      input.raw = raw;
    },
  });
  let i = 0;
  const feed = () => {
    if (i < keys.length) input.write(keys[i++]);
  };
  input.on('resume', () => setImmediate(feed));
  return input;
}

describe('readPassword', () => {
  it('takes the first line of a piped standard input', async () => {
    const input = new PassThrough();
    input.end('Pw!2026-piped\r\nignored\n');
    expect(await readPassword(input, sink().out)).toBe('Pw!2026-piped');
  });

  it('refuses an empty pipe', async () => {
    const input = new PassThrough();
    input.end('');
    await expect(readPassword(input, sink().out)).rejects.toThrow('未从标准输入读到密码');
  });

  it('asks twice at a terminal without echoing, honouring backspace', async () => {
    const s = sink();
    const input = terminal(['Pw!2026-tX\u007fty\r', 'Pw!2026-tty\r']);
    expect(await readPassword(input, s.out)).toBe('Pw!2026-tty');
    expect(s.text()).toBe('请输入密码：\n请再次输入密码：\n');
    expect(input.raw).toBe(false);
  });

  it('refuses two different entries', async () => {
    const input = terminal(['Pw!2026-one\r', 'Pw!2026-two\r']);
    await expect(readPassword(input, sink().out)).rejects.toThrow('两次输入的密码不一致');
  });
});
