import { CliError } from './errors.js';

type Input = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/**
 * The password for a command: from standard input when it is not a terminal (scripts:
 * `echo 'Pw!…' | jiandu create-admin …`), else asked twice at the terminal without echo.
 */
export async function readPassword(
  input: Input = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  if (!input.isTTY) {
    const password = firstLine(await readAll(input));
    if (!password) throw new CliError('未从标准输入读到密码');
    return password;
  }
  const first = await askHidden(input, output, '请输入密码：');
  const second = await askHidden(input, output, '请再次输入密码：');
  if (first !== second) throw new CliError('两次输入的密码不一致');
  if (!first) throw new CliError('密码不能为空');
  return first;
}

const firstLine = (text: string) => text.split(/\r?\n/)[0] ?? '';

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line in raw mode, echoing nothing; Ctrl-C aborts. */
function askHidden(input: Input, output: NodeJS.WritableStream, prompt: string): Promise<string> {
  output.write(prompt);
  input.setRawMode?.(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (err?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003') return done(new CliError('已取消', 130));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}
