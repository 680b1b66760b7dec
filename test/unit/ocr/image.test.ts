import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { imageInfo } from "#src/ocr/image.js";

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "screenshots", name));

function jpegHeader(width: number, height: number): Buffer {
  // SOI, an APP0 segment, then a baseline SOF0 with the size.
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from("JFIF\0"), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.alloc(19);
  sof.set([0xff, 0xc0, 0x00, 0x11, 0x08]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof]);
}

describe("imageInfo reads the format and size from the first bytes", () => {
  it("PNG, from the committed fixtures (including a 9,000 × 9,000 one)", () => {
    expect(imageInfo(fixture("blank.png"))).toEqual({ format: "png", width: 720, height: 1280 });
    expect(imageInfo(fixture("huge.png"))).toEqual({ format: "png", width: 9000, height: 9000 });
  });

  it("JPEG, after other segments", () => {
    expect(imageInfo(jpegHeader(1080, 2400))).toEqual({ format: "jpeg", width: 1080, height: 2400 });
  });

  it("WebP (lossy, lossless, extended), BMP and GIF", () => {
    const vp8x = Buffer.alloc(30);
    vp8x.write("RIFF", 0, "latin1");
    vp8x.write("WEBPVP8X", 8, "latin1");
    vp8x.writeUIntLE(1079, 24, 3);
    vp8x.writeUIntLE(2399, 27, 3);
    expect(imageInfo(vp8x)).toEqual({ format: "webp", width: 1080, height: 2400 });
    const bmp = Buffer.alloc(26);
    bmp.write("BM", 0, "latin1");
    bmp.writeInt32LE(640, 18);
    bmp.writeInt32LE(-480, 22);
    expect(imageInfo(bmp)).toEqual({ format: "bmp", width: 640, height: 480 });
    const gif = Buffer.from("GIF89a\x20\x03\x58\x02", "latin1");
    expect(imageInfo(gif)).toEqual({ format: "gif", width: 800, height: 600 });
  });

  it("anything else, a truncated header or a zero size is not an image", () => {
    expect(imageInfo(Buffer.from("%PDF-1.7 hello"))).toBeUndefined();
    expect(imageInfo(Buffer.alloc(2000, 0x2a))).toBeUndefined();
    expect(imageInfo(fixture("blank.png").subarray(0, 20))).toBeUndefined();
    expect(imageInfo(jpegHeader(0, 100))).toBeUndefined();
    expect(imageInfo(Buffer.alloc(0))).toBeUndefined();
  });
});
