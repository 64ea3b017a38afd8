/** Hands a file to the browser's downloads, as a link the user clicked would. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function svgBlob(svg: string): Blob {
  return new Blob([svg], { type: 'image/svg+xml' });
}

/** A file name from the run: its title (or "run") and the time shown, safe on every system. */
export function pictureName(title: string | undefined, what: string, nowMs: number, ext: 'png' | 'svg'): string {
  const slug = (title ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug || 'run'}-${what}-${Math.round(nowMs)}ms.${ext}`;
}
