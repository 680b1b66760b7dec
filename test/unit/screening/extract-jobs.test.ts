import { describe, expect, it } from "vitest";
import { extractJobs } from "#src/screening/extract/jobs.js";
import { normalise } from "#src/screening/normalise.js";

const jobs = (text: string) => extractJobs(normalise(text)).map((j) => `${j.jobId}:${j.raw}`);

describe("extractJobs", () => {
  it.each([
    ["Dibutuhkan CS ONLINE", ["customer_service:CS ONLINE"]],
    ["lowongan C.S online", ["customer_service:C.S online"]],
    ["Customer Service Representative", ["customer_service:Customer Service Representative"]],
    ["nhân viên CSKH", ["customer_service:nhân viên CSKH"]],
    ["staff admin kantor", ["admin:staff admin"]],
    ["operator komputer", ["operator_computer:operator komputer"]],
    ["kerja ngetik dan input data", ["typist:kerja ngetik", "data_entry:input data"]],
    ["data entry clerk", ["data_entry:data entry clerk"]],
    ["marketing online", ["marketing:marketing online"]],
    ["telemarketing properti", ["telemarketing:telemarketing"]],
    ["kerjaan cuma chat2 customer", ["chat_agent:chat2 customer"]],
    ["Live-chat agents wanted", ["chat_agent:Live-chat agents"]],
    ["game tester", ["game_tester:game tester"]],
    ["Operator game online", ["game_operator:Operator game online"]],
    ["IT support", ["it_support:IT support"]],
    ["Programmer / Web Developer", ["programmer:Programmer", "programmer:Web Developer"]],
    ["exchange crypto", ["crypto_finance:exchange crypto"]],
    ["translator Indonesia-English", ["translator:translator"]],
    ["host live streaming", ["host_streamer:host live streaming"]],
    ["kerja hotel & spa", ["hospitality:kerja hotel", "hospitality:spa"]],
    ["hotel & spa Thailand", ["hospitality:hotel & spa"]],
    ["operator produksi pabrik", ["factory_worker:operator produksi", "factory_worker:pabrik"]],
    ["perawat lansia (caregiver)", ["caregiver:perawat lansia", "caregiver:caregiver"]],
    ["tukang las", ["welder:tukang las"]],
    ["ABK kapal ikan", ["fishing_crew:ABK kapal ikan"]],
    ["kuli bangunan", ["construction_worker:kuli bangunan"]],
    ["cleaning service", ["cleaner:cleaning service"]],
    ["sopir pribadi", ["driver:sopir"]],
    ["pekerja kebun sawit", ["farm_worker:pekerja kebun"]],
    ["รับสมัครแอดมินออนไลน์ ตอบแชทลูกค้า", ["admin:แอดมินออนไลน์", "chat_agent:ตอบแชทลูกค้า"]],
  ])("%j → %j", (text, expected) => {
    expect(jobs(text)).toEqual(expected);
  });

  it.each([
    ["kursus bahasa"],
    ["discs"],
    ["csr2000x"],
    ["it is fine"],
    ["bandara"],
    ["kerjasama"],
    ["hotel di Sukhumvit"],
  ])("%j names no job", (text) => {
    expect(jobs(text)).toEqual([]);
  });

  it("gives a skill level", () => {
    expect(extractJobs(normalise("programmer"))[0]?.skill).toBe("skilled");
    expect(extractJobs(normalise("kuli bangunan"))[0]?.skill).toBe("unskilled");
  });
});
