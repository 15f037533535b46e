/** A file the desk made (a report), as the API sends it: base64 content. */
export interface DownloadableFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly content: string;
}

/**
 * Hands a file to the browser's download: a Blob behind an object URL and an <a download> link,
 * which Chromium and Electron both save without leaving the page. The URL is let go a minute
 * later, once the download has surely read it.
 */
export function saveDownload(file: DownloadableFile): void {
  const bytes = Uint8Array.from(atob(file.content), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
