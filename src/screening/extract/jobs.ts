/** Job titles from data/jobs.json, found in normalised text in any of the listed languages. */
import { z } from "zod";
import { readDataFile } from "#src/screening/data-files.js";
import { Gazetteer, type GazetteerName } from "#src/screening/extract/gazetteer.js";
import { spanToOriginal } from "#src/screening/normalise.js";
import type { JobMention, NormalisedText } from "#src/screening/types.js";

const JobSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  skill: z.enum(["unskilled", "semi_skilled", "skilled"]),
  names: z.object({
    id: z.array(z.string().min(1)).default([]),
    en: z.array(z.string().min(1)).default([]),
    vi: z.array(z.string().min(1)).default([]),
    tl: z.array(z.string().min(1)).default([]),
    th: z.array(z.string().min(1)).default([]),
  }),
});

const JobsFileSchema = z.object({ version: z.string(), jobs: z.array(JobSchema) });

export type Job = z.infer<typeof JobSchema>;

const jobsFile = JobsFileSchema.parse(readDataFile("jobs.json"));

export const JOBS: readonly Job[] = jobsFile.jobs;
export const JOBS_VERSION = jobsFile.version;

/** What a hit carries; a small plain object of one shape, so reading it on every hit stays fast. */
interface JobRef {
  jobId: string;
  skill: JobMention["skill"];
}

function* gazetteerNames(): Generator<GazetteerName<JobRef>> {
  for (const job of JOBS) {
    const value: JobRef = { jobId: job.id, skill: job.skill };
    for (const names of Object.values(job.names)) {
      for (const name of names) yield { name, value };
    }
  }
}

const gazetteer = new Gazetteer(gazetteerNames());

/** Job titles named in the text, with original spans, in text order. */
export function extractJobs(n: NormalisedText): JobMention[] {
  return gazetteer.find(n.text).map((hit) => {
    const span = spanToOriginal(n, hit.start, hit.end);
    return {
      start: span.start,
      end: span.end,
      raw: n.original.slice(span.start, span.end),
      jobId: hit.value.jobId,
      skill: hit.value.skill,
    };
  });
}
