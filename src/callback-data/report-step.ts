/**
 * The buttons of the report's questions: `rp:<report>:<step>:<value>`. The report part is random per
 * report, so a button of an earlier report is recognised as old; the value is the rest of the data
 * (it may hold ':'). Read here, not split by hand in the dialog.
 */
export interface ReportStepButton {
  /** The report's random id ("" when missing). */
  sid: string;
  /** The question's step ("" when missing). */
  step: string;
  value: string;
}

const PREFIX = "rp";

export const reportStepData = {
  prefix: PREFIX,
  /** Any report button, for the answer to one pressed after its report ended. */
  filter: new RegExp(`^${PREFIX}:`),
  pack({ sid, step, value }: ReportStepButton): string {
    return `${PREFIX}:${sid}:${step}:${value}`;
  },
  /** Undefined for data of another kind. */
  unpack(data: string): ReportStepButton | undefined {
    const [prefix, sid, step, ...rest] = data.split(":");
    if (prefix !== PREFIX) return undefined;
    return { sid: sid ?? "", step: step ?? "", value: rest.join(":") };
  },
};
