// The machine-readable description of an export package (manifest.json): what was sent, by whom,
// to whom, why, under which legal clocks, and every document file with its SHA-256.

export const EXPORT_FORMAT = 'octo-transmission/1';

export interface ExportFile {
  path: string;
  sha256: string;
  sizeBytes: number;
}

export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  generatedAt: string;
  transmittedOn: string;
  transmittedBy: string;
  sender: { entityCode: string; entityName: string; serviceName: string | null };
  recipient: { name: string; addressLines: string[] };
  reason: string;
  item: {
    chrono: string;
    receivedAt: string;
    receivedOn: string;
    channel: string;
    letterDate: string | null;
    subject: string | null;
    sender: { name: string | null; address: string | null; contactId: string | null };
    requestType: { code: string; name: string; regime: string; delay: string | null } | null;
  };
  legalClocks: {
    rule: 'CRPA L114-2';
    /** A rejection delay runs from the first receipt. */
    firstReceivedOn: string;
    /** An acceptance delay runs from receipt by the competent administration: unknown here. */
    acceptanceDelayRunsFrom: 'receipt_by_recipient';
    implicitDecision: { kind: 'acceptance' | 'rejection' | null; date: string } | null;
    incomplete: { requestedOn: string; missingItems: string[]; timeLimit: string | null; completedOn: string | null } | null;
  };
  documents: Array<{
    position: number;
    role: string;
    filename: string;
    mime: string;
    pageCount: number;
    original: ExportFile;
    searchable: ExportFile | null;
  }>;
  /** Every document file of the package (manifest.json, bordereau.html and SHA256SUMS aside). */
  files: ExportFile[];
  warnings: string[];
}
