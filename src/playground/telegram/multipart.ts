import { UploadedFile } from "./uploaded-file.js";

export interface MultipartBody {
  fields: Record<string, string>;
  files: Map<string, UploadedFile>;
}

/**
 * A small multipart/form-data parser. grammY writes headers without spaces and file names without
 * quotes (`content-disposition:form-data;name="x";filename=a.pdf`), so both spellings are accepted.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const fields: Record<string, string> = {};
  const files = new Map<string, UploadedFile>();
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    // Each part sits between "\r\n" after the delimiter and "\r\n" before the next one.
    const part = body.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const content = part.subarray(headerEnd + 4);
      const disposition = headers.split("\r\n").find((line) => /^content-disposition\s*:/i.test(line)) ?? "";
      const name = dispositionParam(disposition, "name");
      const fileName = dispositionParam(disposition, "filename");
      if (name !== undefined) {
        if (fileName !== undefined) files.set(name, new UploadedFile(fileName, Buffer.from(content)));
        else fields[name] = content.toString("utf8");
      }
    }
    start = next;
  }
  return { fields, files };
}

function dispositionParam(header: string, param: string): string | undefined {
  const match = new RegExp(`;\\s*${param}=(?:"([^"]*)"|([^;\\r\\n]*))`, "i").exec(header);
  if (!match) return undefined;
  return match[1] ?? match[2]?.trim();
}
