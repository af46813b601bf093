/**
 * A 64-bit digest built from two independent 32-bit multiplicative hashes over 32-bit words. Not
 * cryptographic: it tells runs apart, fast.
 */
export class StateHasher {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;

  word(value: number): this {
    this.a = Math.imul(this.a ^ value, 0x01000193);
    this.b = Math.imul(this.b ^ (value >>> 16) ^ (value << 16), 0x5bd1e995) ^ (this.b >>> 13);
    return this;
  }

  number(value: number): this {
    scratchF64[0] = value;
    return this.word(scratchU32[0]).word(scratchU32[1]);
  }

  /** Hash an array's bytes, padded to whole 32-bit words. */
  array(view: ArrayBufferView): this {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const words = bytes.byteLength >> 2;
    const aligned = (view.byteOffset & 3) === 0 ? new Uint32Array(view.buffer, view.byteOffset, words) : new Uint32Array(bytes.slice(0, words * 4).buffer);
    this.word(view.byteLength);
    for (let i = 0; i < aligned.length; i++) this.word(aligned[i]);
    for (let i = words * 4; i < bytes.length; i++) this.word(bytes[i]);
    return this;
  }

  string(value: string): this {
    this.word(value.length);
    for (let i = 0; i < value.length; i++) this.word(value.charCodeAt(i));
    return this;
  }

  digest(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

const scratchF64 = new Float64Array(1);
const scratchU32 = new Uint32Array(scratchF64.buffer);
