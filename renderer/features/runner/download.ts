// Saving a text file from a browser page: a Blob behind a temporary link.
export function downloadText(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const REPORT_FORMATS = {
  html: { label: 'HTML', extension: 'html', type: 'text/html' },
  junit: { label: 'JUnit XML', extension: 'xml', type: 'application/xml' },
  json: { label: 'JSON', extension: 'json', type: 'application/json' },
} as const;

export type ReportFormat = keyof typeof REPORT_FORMATS;
