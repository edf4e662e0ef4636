/** A one-line progress bar on stderr (redrawn in place on a terminal, a line per 10 % otherwise). */
export function progressBar(
  label: string,
  write: (text: string) => void = (text) => process.stderr.write(text),
) {
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  return {
    update(done: number, total: number) {
      const ratio = total === 0 ? 1 : done / total;
      const width = 30;
      const filled = Math.round(ratio * width);
      const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
      if (tty) write(`\r${line}`);
      else if (Math.floor(ratio * 10) > lastTenth) {
        lastTenth = Math.floor(ratio * 10);
        write(`${line}\n`);
      }
    },
    done() {
      if (tty) write('\n');
    },
  };
}
