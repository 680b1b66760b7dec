/** A file the bot uploaded in a multipart/form-data request. */
export class UploadedFile {
  constructor(
    readonly fileName: string,
    readonly data: Buffer,
  ) {}

  get size(): number {
    return this.data.length;
  }

  /** Keeps recorded calls readable when a test prints them. */
  toJSON(): { fileName: string; size: number } {
    return { fileName: this.fileName, size: this.size };
  }
}
