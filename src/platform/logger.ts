import pino from 'pino';

export type Logger = pino.Logger;

// Logs go to stderr so that `octo … --json` keeps stdout for its result.
export function createLogger(level: string, name = 'octo'): Logger {
  return pino(
    {
      name,
      level,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'], remove: true },
    },
    pino.destination(2),
  );
}
