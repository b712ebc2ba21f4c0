/**
 * One line of progress on stderr: rewritten in place on a terminal, printed every few seconds
 * otherwise (CI logs), so a long run shows it is alive without flooding the log.
 */
export class Progress {
  private lastPrinted = 0;
  private readonly tty = process.stderr.isTTY === true;

  constructor(private readonly label: string) {}

  update(done: number, total: number, extra = ''): void {
    const now = Date.now();
    if (!this.tty && now - this.lastPrinted < 5000 && done < total) return;
    this.lastPrinted = now;
    const width = 24;
    const filled = Math.round((done / Math.max(1, total)) * width);
    const line = `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${extra ? ` ${extra}` : ''}`;
    process.stderr.write(this.tty ? `\r\x1b[2K${line}` : `${line}\n`);
  }

  done(summary: string): void {
    process.stderr.write(this.tty ? `\r\x1b[2K${this.label}: ${summary}\n` : `${this.label}: ${summary}\n`);
  }
}

export const note = (line: string) => process.stderr.write(`[bench] ${line}\n`);
