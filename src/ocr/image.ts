/**
 * What kind of image a file is and how large, from its first bytes — before any decoder sees it,
 * so a decompression bomb (a tiny file that claims 50,000 × 50,000 pixels) is refused unread.
 */

export type ImageFormat = "png" | "jpeg" | "webp" | "bmp" | "gif";

export interface ImageInfo {
  format: ImageFormat;
  width: number;
  height: number;
}

function pngInfo(b: Buffer): ImageInfo | undefined {
  // Signature, then the IHDR chunk: length, "IHDR", width, height.
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString("latin1", 12, 16) !== "IHDR")
    return undefined;
  return { format: "png", width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function jpegInfo(b: Buffer): ImageInfo | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    // Standalone markers carry no length.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = b.readUInt16BE(i + 2);
    // Start of frame (baseline, progressive, …), not DHT (c4), JPG (c8) or DAC (cc).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { format: "jpeg", height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return undefined;
}

function webpInfo(b: Buffer): ImageInfo | undefined {
  if (b.length < 30 || b.toString("latin1", 0, 4) !== "RIFF" || b.toString("latin1", 8, 12) !== "WEBP")
    return undefined;
  const chunk = b.toString("latin1", 12, 16);
  if (chunk === "VP8X")
    return { format: "webp", width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
  if (chunk === "VP8 ")
    return { format: "webp", width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === "VP8L") {
    const bits = b.readUInt32LE(21);
    return { format: "webp", width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

function bmpInfo(b: Buffer): ImageInfo | undefined {
  if (b.length < 26 || b.toString("latin1", 0, 2) !== "BM") return undefined;
  return { format: "bmp", width: Math.abs(b.readInt32LE(18)), height: Math.abs(b.readInt32LE(22)) };
}

function gifInfo(b: Buffer): ImageInfo | undefined {
  if (b.length < 10 || !/^GIF8[79]a$/.test(b.toString("latin1", 0, 6))) return undefined;
  return { format: "gif", width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
}

/** The format and size of an image, or undefined when the bytes are not an image we can read. */
export function imageInfo(bytes: Buffer): ImageInfo | undefined {
  const info = pngInfo(bytes) ?? jpegInfo(bytes) ?? webpInfo(bytes) ?? bmpInfo(bytes) ?? gifInfo(bytes);
  return info && info.width > 0 && info.height > 0 ? info : undefined;
}
