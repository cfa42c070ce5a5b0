import net from 'node:net';

/** Where e-mail goes: an SMTP server reached in plain text (inside the sector's network) with optional AUTH PLAIN. */
export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly from: string;
  readonly user: string | undefined;
  readonly password: string | undefined;
}

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

const timeoutMs = 10_000;

function encodedWord(text: string): string {
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** The message in RFC 5322 form: UTF-8 subject as an encoded word, base64 body, dot-safe lines. */
export function formatMessage(from: string, message: MailMessage, date = new Date()): string {
  const body = Buffer.from(message.text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    `From: ${from}`,
    `To: ${message.to}`,
    `Subject: ${encodedWord(message.subject)}`,
    `Date: ${date.toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

/**
 * Sends one message through SMTP (EHLO, optional AUTH PLAIN, MAIL FROM, RCPT TO, DATA).
 * Throws on any reply the dialogue does not expect, or after a timeout.
 */
export async function sendMail(settings: SmtpSettings, message: MailMessage): Promise<void> {
  if (/[\r\n]/.test(message.to) || /[\r\n]/.test(message.subject)) throw new Error('line breaks in an address or subject');
  const socket = net.connect({ host: settings.host, port: settings.port });
  socket.setTimeout(timeoutMs);
  let buffer = '';
  const waiters: ((line: string) => void)[] = [];
  const failures: ((error: Error) => void)[] = [];
  const fail = (error: Error) => {
    for (const f of failures.splice(0)) f(error);
  };
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    // A reply ends with a line "NNN text" (a space after the code; "NNN-" lines continue it).
    for (;;) {
      const match = /^(?:\d{3}-[^\r\n]*\r?\n)*\d{3}(?: [^\r\n]*)?\r?\n/.exec(buffer);
      if (!match) break;
      buffer = buffer.slice(match[0].length);
      const waiter = waiters.shift();
      failures.shift();
      waiter?.(match[0]);
    }
  });
  socket.on('error', fail);
  socket.on('timeout', () => {
    fail(new Error('SMTP timeout'));
    socket.destroy();
  });
  const reply = () => new Promise<string>((resolve, reject) => {
    waiters.push(resolve);
    failures.push(reject);
  });
  const expect = async (code: string) => {
    const text = await reply();
    const last = text.trimEnd().split(/\r?\n/).pop() ?? '';
    if (!last.startsWith(code)) throw new Error(`SMTP: expected ${code}, got ${last}`);
  };
  const send = (line: string) => socket.write(`${line}\r\n`);
  try {
    await expect('220');
    send('EHLO tcxd');
    await expect('250');
    if (settings.user && settings.password) {
      send(`AUTH PLAIN ${Buffer.from(`\u0000${settings.user}\u0000${settings.password}`).toString('base64')}`);
      await expect('235');
    }
    send(`MAIL FROM:<${settings.from}>`);
    await expect('250');
    send(`RCPT TO:<${message.to}>`);
    await expect('250');
    send('DATA');
    await expect('354');
    send(`${formatMessage(settings.from, message)}\r\n.`);
    await expect('250');
    send('QUIT');
    await expect('221');
  } finally {
    socket.end();
    socket.destroy();
  }
}
