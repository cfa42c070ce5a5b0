import { randomFillSync } from 'node:crypto';

// Random bytes are drawn 4 KiB at a time: bulk imports make millions of ids.
const pool = Buffer.alloc(4096);
let offset = pool.length;

function random16(): Buffer {
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + 16));
  offset += 16;
  return bytes;
}

/** A time-ordered UUID (version 7), generated in the app so SQL stays PostgreSQL 15 compatible. */
export function newId(now: number = Date.now()): string {
  const bytes = random16();
  bytes.writeUIntBE(now, 0, 6);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x70, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The ltree label of a unit id (ltree labels on PostgreSQL 15 allow no hyphens). */
export function pathLabel(id: string): string {
  return id.replaceAll('-', '');
}
