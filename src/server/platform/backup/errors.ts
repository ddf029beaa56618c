import { AppError } from '../http/errors.js';

/** A backup or restore that cannot go on, with its Chinese message (a 422 over HTTP, exit 1 on the command line). */
export class BackupError extends AppError {
  constructor(message: string) {
    super(422, 'backup_refused', message);
  }
}
