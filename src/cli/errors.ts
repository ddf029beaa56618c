/** An expected failure of a command: its Chinese message is printed (no stack trace) and the process exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    public readonly exitCode = 1,
  ) {
    super(message);
  }
}
