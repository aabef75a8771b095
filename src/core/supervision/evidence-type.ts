// What an uploaded evidence file really is, read from its first bytes (never from the name or the
// client's content-type): PDF, JPEG, PNG, DOCX/XLSX (a zip holding word/ or xl/), DOC/XLS (OLE2). The
// name's extension must agree, so a script renamed .pdf is refused. Pure.
const MAGIC: { type: string; ext: string[]; mime: string; bytes: number[] }[] = [
  { type: 'pdf', ext: ['pdf'], mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'png', ext: ['png'], mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'jpeg', ext: ['jpg', 'jpeg'], mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'zip', ext: ['docx', 'xlsx'], mime: '', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'ole', ext: ['doc', 'xls'], mime: '', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];
const OFFICE_MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
};

export function detectEvidenceType(bytes: Uint8Array, fileName: string): { type: string; mime: string } | null {
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase();
  const m = MAGIC.find((x) => x.bytes.every((b, i) => bytes[i] === b));
  if (!m || !m.ext.includes(ext)) return null;
  if (m.type === 'zip') {
    // An OOXML package names its parts in the clear: word/… for DOCX, xl/… for XLSX.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 65536)));
    if (!head.includes(ext === 'docx' ? 'word/' : 'xl/')) return null;
  }
  return { type: ext === 'jpg' ? 'jpeg' : ext, mime: m.mime || OFFICE_MIME[ext]! };
}

export function safeFileName(name: string): string {
  return [...name].map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('').trim().slice(0, 200);
}
