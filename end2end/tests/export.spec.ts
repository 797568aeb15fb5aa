import { expect, test } from "@playwright/test";
import { inflateRawSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { createMember, signInAs, uniqueEmail } from "./helpers";

/** The files of a ZIP archive, read from its central directory (deflate or stored). */
function unzip(zip: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end, "an end-of-directory record").toBeGreaterThanOrEqual(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString("utf8"));
    at += 46 + skip;
  }
  return files;
}

// A member downloads everything the forum holds about them from the account page, with
// JavaScript on and off, and can open it.
test("a member downloads their data from the account page", async ({ page, baseURL }, info) => {
  const email = uniqueEmail("export", info);
  const name = `Exporter ${info.project.name}`;
  await createMember(baseURL!, "clinician", email, name);
  await signInAs(page, email);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your data" })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download my data" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^caseroom-export-\d+\.zip$/);
  const files = unzip(readFileSync(await download.path()));
  expect([...files.keys()]).toContain("caseroom-export/index.html");
  const account = JSON.parse(files.get("caseroom-export/account.json")!);
  expect(account.account.email).toBe(email);
  expect(account.account.display_name).toBe(name);
  expect(files.get("caseroom-export/index.html")).toContain("Your Caseroom data");
});
