/** A one-line progress bar on stderr (only on a terminal; silent in pipes and CI logs). */
export function progressBar(label: string): { update(done: number, total: number): void; done(): void } {
  const tty = Boolean(process.stderr.isTTY);
  let last = -1;
  return {
    update(done, total) {
      if (!tty || total <= 0) return;
      const percent = Math.min(100, Math.floor((done / total) * 100));
      if (percent === last) return;
      last = percent;
      const filled = Math.round(percent / 4);
      process.stderr.write(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(25 - filled)}] ${percent}% (${done}/${total})`);
    },
    done() {
      if (tty && last >= 0) process.stderr.write('\n');
    },
  };
}

/** A running count on stderr for work of unknown size (rows of a file); only on a terminal. */
export function progressCounter(label: string): { update(done: number, note?: string): void; done(): void } {
  const tty = Boolean(process.stderr.isTTY);
  let shown = false;
  return {
    update(done, note) {
      if (!tty) return;
      shown = true;
      process.stderr.write(`\r${label}: ${done.toLocaleString('vi-VN')} dòng / rows${note ? ` — ${note}` : ''}   `);
    },
    done() {
      if (tty && shown) process.stderr.write('\n');
    },
  };
}
